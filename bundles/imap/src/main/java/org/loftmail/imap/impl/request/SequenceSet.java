package org.loftmail.imap.impl.request;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sequence-set} (RFC 3501 9) or {@code "$"} (SEARCHRES, RFC 5182). Ranges keep the order
 * the client wrote ({@code 5:2} stays 5:2); {@link Range#STAR} stands for {@code *}, the largest
 * number in use, which only the session knows.
 *
 * @param ranges the ranges, empty for {@code $}
 * @param saved  true for {@code $}, the result saved by {@code SEARCH RETURN (SAVE)}
 */
public record SequenceSet(List<Range> ranges, boolean saved) {

    /** The saved search result {@code $}. */
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    public SequenceSet {
        ranges = List.copyOf(ranges);
        if (saved != ranges.isEmpty()) {
            throw new IllegalArgumentException("a sequence set is either $ or at least one range");
        }
    }

    public static SequenceSet of(Range... ranges) {
        return new SequenceSet(List.of(ranges), false);
    }

    /** Whether {@code n} is in the set when {@code *} stands for {@code max}. */
    public boolean contains(long n, long max) {
        return ranges.stream().anyMatch(r -> r.contains(n, max));
    }

    @Override
    public String toString() {
        return saved ? "$" : ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    /** {@code seq-number / seq-range}; a single number has {@code from == to}. */
    public record Range(long from, long to) {

        /** {@code *}: the largest number in use. */
        public static final long STAR = Long.MAX_VALUE;

        public static Range single(long n) {
            return new Range(n, n);
        }

        /** The lower bound once {@code *} is {@code max}. */
        public long low(long max) {
            return Math.min(resolve(from, max), resolve(to, max));
        }

        /** The upper bound once {@code *} is {@code max}. */
        public long high(long max) {
            return Math.max(resolve(from, max), resolve(to, max));
        }

        public boolean contains(long n, long max) {
            return n >= low(max) && n <= high(max);
        }

        private static long resolve(long n, long max) {
            return n == STAR ? max : n;
        }

        @Override
        public String toString() {
            String a = from == STAR ? "*" : Long.toString(from);
            return from == to ? a : a + ":" + (to == STAR ? "*" : Long.toString(to));
        }
    }
}
