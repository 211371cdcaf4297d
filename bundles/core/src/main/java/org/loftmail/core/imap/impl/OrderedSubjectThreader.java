package org.loftmail.core.imap.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loftmail.core.imap.ThreadMessage;

/**
 * THREAD=ORDEREDSUBJECT: sort by base subject then sent date; each run of equal base subjects
 * is a thread whose first message is the parent of all the others; threads in order of their
 * first message's sent date.
 */
public final class OrderedSubjectThreader {
    private OrderedSubjectThreader() {
    }

    private record Keyed(String base, ThreadMessage message) { }

    public static List<ThreadNode> thread(List<ThreadMessage> messages) {
        List<Keyed> keyed = new ArrayList<>();
        for (ThreadMessage m : messages) {
            keyed.add(new Keyed(m.facts().subjectKey(), m));
        }
        keyed.sort(Comparator.comparing(Keyed::base, Collation::compareKeys)
                .thenComparingLong(k -> k.message().sentDate())
                .thenComparingLong(k -> k.message().id()));
        List<ThreadNode> roots = new ArrayList<>();
        ThreadNode current = null;
        String currentBase = null;
        for (Keyed k : keyed) {
            ThreadNode node = new ThreadNode(k.message());
            if (current != null && currentBase.equals(k.base())) {
                current.addChild(node);
            } else {
                current = node;
                currentBase = k.base();
                roots.add(node);
            }
        }
        roots.sort(ThreadNode.BY_DATE);
        return roots;
    }
}
