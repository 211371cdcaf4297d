package org.loftmail.api.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A set of UIDs as sorted, non-overlapping, non-adjacent inclusive ranges. The protocol resolves
 * IMAP's {@code *} before building one; {@link #all()} covers every possible UID.
 */
public record UidSet(List<Range> ranges) {

    /** An inclusive range {@code first..last}, {@code 1 <= first <= last}. */
    public record Range(long first, long last) {
        public Range {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("bad range " + first + ":" + last);
            }
        }
    }

    public static final UidSet EMPTY = new UidSet(List.of());

    public UidSet {
        ranges = List.copyOf(ranges);
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).first() <= ranges.get(i - 1).last() + 1) {
                throw new IllegalArgumentException("ranges must be sorted and apart: " + ranges);
            }
        }
    }

    public static UidSet all() {
        return range(1, Long.MAX_VALUE);
    }

    public static UidSet range(long first, long last) {
        return new UidSet(List.of(new Range(first, last)));
    }

    public static UidSet of(long... uids) {
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        List<Range> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            long first = sorted[i];
            long last = first;
            while (i + 1 < sorted.length && sorted[i + 1] <= last + 1) {
                last = sorted[++i];
            }
            out.add(new Range(first, last));
            i++;
        }
        return new UidSet(out);
    }

    public static UidSet of(Collection<Long> uids) {
        return of(uids.stream().mapToLong(Long::longValue).toArray());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(long uid) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = ranges.get(mid);
            if (uid < r.first()) {
                hi = mid - 1;
            } else if (uid > r.last()) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The IMAP sequence-set syntax, e.g. {@code 1:3,7}; empty for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(r.first());
            if (r.last() != r.first()) {
                sb.append(':').append(r.last() == Long.MAX_VALUE ? "*" : Long.toString(r.last()));
            }
        }
        return sb.toString();
    }
}
