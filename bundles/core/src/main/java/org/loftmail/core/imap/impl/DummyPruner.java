package org.loftmail.core.imap.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5256 4 (4): dummies without children go; a dummy's children take its place, except at
 * the root when there are several of them (they would otherwise become separate threads).
 */
final class DummyPruner {
    private DummyPruner() {
    }

    static List<ThreadNode> prune(List<ThreadNode> roots) {
        // children before parents, so a dummy child's own children are final when its parent
        // takes them over; iterative because reply chains can be thousands deep
        List<ThreadNode> all = ThreadNode.preOrder(roots);
        for (int i = all.size() - 1; i >= 0; i--) {
            pruneChildren(all.get(i));
        }
        List<ThreadNode> result = new ArrayList<>();
        for (ThreadNode root : roots) {
            if (root.isDummy() && root.children.size() <= 1) {
                for (ThreadNode c : new ArrayList<>(root.children)) {
                    c.parent = null;
                    result.add(c);
                }
                root.children.clear();
            } else {
                result.add(root);
            }
        }
        return result;
    }

    private static void pruneChildren(ThreadNode node) {
        List<ThreadNode> kept = new ArrayList<>();
        for (ThreadNode child : node.children) {
            if (child.isDummy()) {
                for (ThreadNode grandchild : child.children) {
                    grandchild.parent = node;
                    kept.add(grandchild);
                }
            } else {
                kept.add(child);
            }
        }
        node.children.clear();
        node.children.addAll(kept);
    }
}
