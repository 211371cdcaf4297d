package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.loftmail.api.storage.UidSet;

/** A view's sequence numbers: a sorted array of UIDs, position + 1 being the sequence number. */
final class SequenceMap {

    private long[] uids = new long[16];
    private int size;

    int size() {
        return size;
    }

    long uid(int seq) {
        if (seq < 1 || seq > size) {
            throw new IndexOutOfBoundsException("sequence number " + seq + " outside 1.." + size);
        }
        return uids[seq - 1];
    }

    /** The sequence number of {@code uid}, or 0. */
    int seq(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i + 1 : 0;
    }

    long last() {
        return size == 0 ? 0 : uids[size - 1];
    }

    /** Appends UIDs, which must all be above {@link #last()}, in ascending order. */
    void append(Collection<Long> more) {
        if (size + more.size() > uids.length) {
            uids = Arrays.copyOf(uids, Math.max(uids.length * 2, size + more.size()));
        }
        for (Long uid : more) {
            if (uid <= last()) {
                throw new IllegalStateException("UID " + uid + " not above " + last());
            }
            uids[size++] = uid;
        }
    }

    /** Removes the entry at {@code seq}, shifting later ones down. */
    void removeAt(int seq) {
        System.arraycopy(uids, seq, uids, seq - 1, size - seq);
        size--;
    }

    UidSet uidsOfSequences(int from, int to) {
        int a = Math.max(1, from);
        int b = Math.min(size, to);
        List<Long> out = new ArrayList<>();
        for (int s = a; s <= b; s++) {
            out.add(uids[s - 1]);
        }
        return UidSet.of(out);
    }

    /** Sequence numbers (ascending) of the UIDs of this view that are in {@code set}. */
    int[] sequencesOf(UidSet set) {
        int[] out = new int[16];
        int n = 0;
        for (UidSet.Range r : set.ranges()) {
            int i = Arrays.binarySearch(uids, 0, size, r.first());
            long last = r.last();
            for (int p = i >= 0 ? i : -i - 1; p < size && uids[p] <= last; p++) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.min(Math.max(n * 2, 16), Math.max(size, n + 1)));
                }
                out[n++] = p + 1;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The UIDs of this view that are in {@code set}, ascending. */
    List<Long> uidsIn(UidSet set) {
        int[] seqs = sequencesOf(set);
        List<Long> out = new ArrayList<>(seqs.length);
        for (int seq : seqs) {
            out.add(uids[seq - 1]);
        }
        return out;
    }
}
