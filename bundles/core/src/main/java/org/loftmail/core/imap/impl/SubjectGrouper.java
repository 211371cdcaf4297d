package org.loftmail.core.imap.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loftmail.core.imap.BaseSubject;

/** RFC 5256 4 (5): root threads whose base subjects match are gathered together. */
final class SubjectGrouper {
    private SubjectGrouper() {
    }

    /** A root's subject: its own, or its first child's for a dummy; base is a collation key. */
    private record Subject(String base, boolean replyOrForward) { }

    private static Subject subjectOf(ThreadNode n, Map<ThreadNode, Subject> cache) {
        return cache.computeIfAbsent(n, k -> {
            ThreadNode m = k.isDummy() ? k.children.get(0) : k;
            BaseSubject b = BaseSubject.of(m.message.subject());
            return new Subject(Collation.key(b.base()), b.replyOrForward());
        });
    }

    static List<ThreadNode> group(List<ThreadNode> roots) {
        Map<ThreadNode, Subject> cache = new HashMap<>();
        Map<String, ThreadNode> table = new HashMap<>();
        for (ThreadNode root : roots) {
            Subject s = subjectOf(root, cache);
            if (s.base().isEmpty()) {
                continue;
            }
            ThreadNode old = table.get(s.base());
            if (old == null
                    || (root.isDummy() && !old.isDummy())
                    || (!old.isDummy() && !root.isDummy() && subjectOf(old, cache).replyOrForward()
                            && !s.replyOrForward())) {
                table.put(s.base(), root);
            }
        }
        Set<ThreadNode> result = new LinkedHashSet<>(roots);
        for (ThreadNode root : roots) {
            if (!result.contains(root)) {
                continue;
            }
            Subject s = subjectOf(root, cache);
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
            } else if (!subjectOf(other, cache).replyOrForward() && s.replyOrForward()) {
                other.addChild(root);
                result.remove(root);
            } else {
                ThreadNode dummy = new ThreadNode(null);
                List<ThreadNode> list = new ArrayList<>(result);
                list.set(list.indexOf(other), dummy);
                dummy.addChild(other);
                dummy.addChild(root);
                list.remove(root);
                result.clear();
                result.addAll(list);
                table.put(s.base(), dummy);
            }
        }
        return new ArrayList<>(result);
    }
}
