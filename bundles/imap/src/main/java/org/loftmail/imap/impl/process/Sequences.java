package org.loftmail.imap.impl.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.session.ImapSession;

/** Resolves a client's sequence set (sequence numbers, UIDs or {@code $}) to the UIDs of the view. */
final class Sequences {

    /** A sequence number beyond the mailbox: Dovecot answers {@code BAD ... Invalid messageset}. */
    static final class InvalidSetException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSetException() {
            super("Invalid messageset");
        }
    }

    private Sequences() {
    }

    static UidSet resolve(ImapSession s, SequenceSet set, boolean uid) throws InvalidSetException {
        MailboxView view = s.selected().view();
        if (set.saved()) {
            return UidSet.of(s.saved().stream().filter(u -> view.seq(u) > 0).toList());
        }
        int size = view.size();
        List<UidSet.Range> ranges = new ArrayList<>();
        if (uid) {
            long max = size == 0 ? 0 : view.uid(size);
            for (SequenceSet.Range r : set.ranges()) {
                if (max == 0) {
                    break;
                }
                long lo = Math.max(1, r.low(max));
                long hi = r.high(max);
                if (lo <= hi) {
                    ranges.add(new UidSet.Range(lo, hi));
                }
            }
            return merge(ranges);
        }
        for (SequenceSet.Range r : set.ranges()) {
            if (r.from() != SequenceSet.Range.STAR && r.from() > size
                    || r.to() != SequenceSet.Range.STAR && r.to() > size) {
                throw new InvalidSetException();
            }
            if (size == 0) {
                continue;
            }
            int lo = (int) Math.max(1, r.low(size));
            int hi = (int) Math.min(size, r.high(size));
            if (lo <= hi) {
                ranges.addAll(view.uidsOfSequences(lo, hi).ranges());
            }
        }
        return merge(ranges);
    }

    static UidSet merge(List<UidSet.Range> ranges) {
        if (ranges.isEmpty()) {
            return UidSet.EMPTY;
        }
        List<UidSet.Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(UidSet.Range::first));
        List<UidSet.Range> out = new ArrayList<>();
        UidSet.Range cur = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            UidSet.Range r = sorted.get(i);
            if (cur.last() != Long.MAX_VALUE && r.first() <= cur.last() + 1) {
                cur = new UidSet.Range(cur.first(), Math.max(cur.last(), r.last()));
            } else if (cur.last() == Long.MAX_VALUE) {
                break;
            } else {
                out.add(cur);
                cur = r;
            }
        }
        out.add(cur);
        return new UidSet(out);
    }
}
