package org.loftmail.core.imap.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** RFC 5256 4 (5): root threads whose base subjects match are gathered together. */
final class SubjectGrouper {
    private SubjectGrouper() {
    }

    /** A root's subject: its own, or its first child's for a dummy; base is a collation key. */
    private record Subject(String base, boolean replyOrForward) { }

    private static Subject subjectOf(ThreadNode n) {
        ThreadNode m = n.isDummy() ? n.children.get(0) : n;
        return new Subject(m.message.facts().subjectKey(), m.message.facts().replyOrForward());
    }

    static List<ThreadNode> group(List<ThreadNode> roots) {
        Map<String, ThreadNode> table = new HashMap<>();
        for (ThreadNode root : roots) {
            Subject s = subjectOf(root);
            if (s.base().isEmpty()) {
                continue;
            }
            ThreadNode old = table.get(s.base());
            if (old == null
                    || (root.isDummy() && !old.isDummy())
                    || (!old.isDummy() && !root.isDummy() && subjectOf(old).replyOrForward()
                            && !s.replyOrForward())) {
                table.put(s.base(), root);
            }
        }
        Roots result = new Roots(roots);
        for (ThreadNode root : roots) {
            if (!result.contains(root)) {
                continue;
            }
            Subject s = subjectOf(root);
            ThreadNode other = s.base().isEmpty() ? null : table.get(s.base());
            if (other == null || other == root) {
                continue;
            }
            if (other.isDummy() && root.isDummy()) {
                for (ThreadNode c : new ArrayList<>(root.children)) {
                    other.addChild(c);
                }
                result.remove(root);
            } else if (other.isDummy()) {
                other.addChild(root);
                result.remove(root);
            } else if (root.isDummy()) {
                root.addChild(other);
                result.remove(other);
                table.put(s.base(), root);
            } else if (!subjectOf(other).replyOrForward() && s.replyOrForward()) {
                other.addChild(root);
                result.remove(root);
            } else {
                ThreadNode dummy = new ThreadNode(null);
                result.replace(other, dummy);
                dummy.addChild(other);
                dummy.addChild(root);
                result.remove(root);
                table.put(s.base(), dummy);
            }
        }
        return result.list();
    }

    /**
     * The root list being regrouped: removing a root and putting a dummy in another's place
     * cost O(1), not a copy of the list (thousands of roots can share a base subject).
     */
    private static final class Roots {
        private final List<ThreadNode> slots;
        private final Map<ThreadNode, Integer> index = new IdentityHashMap<>();

        Roots(List<ThreadNode> roots) {
            slots = new ArrayList<>(roots);
            for (int i = 0; i < slots.size(); i++) {
                index.putIfAbsent(slots.get(i), i);
            }
        }

        boolean contains(ThreadNode n) {
            return index.containsKey(n);
        }

        void remove(ThreadNode n) {
            Integer i = index.remove(n);
            if (i != null) {
                slots.set(i, null);
            }
        }

        void replace(ThreadNode old, ThreadNode by) {
            int i = index.remove(old);
            slots.set(i, by);
            index.put(by, i);
        }

        List<ThreadNode> list() {
            List<ThreadNode> out = new ArrayList<>(index.size());
            for (ThreadNode n : slots) {
                if (n != null) {
                    out.add(n);
                }
            }
            return out;
        }
    }
}
