package org.loftmail.core.imap.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loftmail.core.imap.ThreadMessage;

/** THREAD=REFERENCES, RFC 5256 section 4, steps (1) to (6). */
public final class ReferencesThreader {
    private final Map<String, ThreadNode> idTable = new HashMap<>();

    private ReferencesThreader() {
    }

    public static List<ThreadNode> thread(List<ThreadMessage> messages) {
        ReferencesThreader t = new ReferencesThreader();
        List<ThreadNode> all = new ArrayList<>();
        for (ThreadMessage m : messages) {
            all.add(t.link(m));
        }
        // (2) the root set; (3) the id table is no longer needed
        List<ThreadNode> roots = new ArrayList<>();
        Set<ThreadNode> rootSet = new HashSet<>();
        for (ThreadNode n : t.idTable.values()) {
            addRoot(n, roots, rootSet);
        }
        for (ThreadNode n : all) {
            addRoot(n, roots, rootSet);
        }
        // (4) prune dummies, (5) gather by subject, (6) sort siblings by date
        List<ThreadNode> pruned = DummyPruner.prune(roots);
        ThreadNode.sortTree(pruned);
        List<ThreadNode> grouped = SubjectGrouper.group(pruned);
        ThreadNode.sortTree(grouped);
        return grouped;
    }

    private static void addRoot(ThreadNode n, List<ThreadNode> roots, Set<ThreadNode> rootSet) {
        if (n.parent == null && rootSet.add(n)) {
            roots.add(n);
        }
    }

    /** Step (1): the message's container, linked to its references. */
    private ThreadNode link(ThreadMessage m) {
        String id = m.facts().messageId();
        ThreadNode node = id == null ? null : idTable.computeIfAbsent(id, k -> new ThreadNode(null));
        if (node == null || node.message != null) {
            // no Message-ID, or a later duplicate: a unique id nobody can refer to
            node = new ThreadNode(m);
        } else {
            node.message = m;
        }
        List<String> refs = m.facts().references();
        // (1A) link consecutive references where no link exists yet and no loop results
        ThreadNode prev = null;
        for (String ref : refs) {
            ThreadNode r = idTable.computeIfAbsent(ref, k -> new ThreadNode(null));
            if (prev != null && r.parent == null && r != prev && !prev.hasAncestorOrSelf(r)) {
                prev.addChild(r);
            }
            prev = r;
        }
        // (1B) the last reference becomes the parent, replacing any earlier guess; like
        // Dovecot, the earlier parent goes even when the new link would be a loop (or self)
        if (node.parent != null) {
            node.parent.children.remove(node);
            node.parent = null;
        }
        if (prev != null && prev != node && !prev.hasAncestorOrSelf(node)) {
            prev.addChild(node);
        }
        return node;
    }
}
