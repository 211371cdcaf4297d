package org.loftmail.core.imap;

import java.util.Arrays;
import java.util.List;
import org.loftmail.core.imap.impl.Collation;
import org.loftmail.core.mime.impl.AddressFields;

/**
 * SORT (RFC 5256 section 3, SORT=DISPLAY of RFC 5957): orders messages by a list of criteria,
 * ties broken by ascending id, as Dovecot does. Strings compare under i;unicode-casemap
 * (Dovecot's choice for every SORT string key). Each key is computed once per message.
 * Stateless and thread-safe.
 */
public final class Sorter {
    private Sorter() {
    }

    /** What a sort reads of each row: its id, its numeric keys and its collation keys. */
    public interface Keys<T> {

        /** The final tie-breaker, ascending. */
        long id(T row);

        /** ARRIVAL, DATE or SIZE. */
        long number(T row, SortKey key);

        /** The {@link #stringKey} of a string key (SUBJECT, FROM, ...). */
        String string(T row, SortKey key);
    }

    /** The ids of {@code messages} in SORT order; the input list is not modified. */
    public static List<Long> sort(List<SortableMessage> messages, List<SortCriterion> criteria) {
        long[] ids = sort(messages, criteria, MESSAGE_KEYS);
        return Arrays.stream(ids).boxed().toList();
    }

    /** The ids of {@code rows} in SORT order, each key read once per row. */
    public static <T> long[] sort(List<T> rows, List<SortCriterion> criteria, Keys<T> keys) {
        int size = rows.size();
        int n = criteria.size();
        // per criterion, the keys of all rows: numbers in a long[], collation keys in a String[]
        long[][] numbers = new long[n][];
        String[][] strings = new String[n][];
        for (int c = 0; c < n; c++) {
            SortKey key = criteria.get(c).key();
            if (numeric(key)) {
                numbers[c] = new long[size];
                for (int i = 0; i < size; i++) {
                    numbers[c][i] = keys.number(rows.get(i), key);
                }
            } else {
                strings[c] = new String[size];
                for (int i = 0; i < size; i++) {
                    strings[c][i] = keys.string(rows.get(i), key);
                }
            }
        }
        // code unit order is code point order unless a key holds surrogates: then String.compareTo
        // (an intrinsic) gives the collation's order
        boolean[] plain = new boolean[n];
        long[][] prefixes = new long[n][];
        for (int c = 0; c < n; c++) {
            plain[c] = strings[c] != null && Arrays.stream(strings[c]).allMatch(Sorter::belowSurrogates);
            prefixes[c] = plain[c] ? prefixes(strings[c]) : null;
        }
        long[] ids = new long[size];
        for (int i = 0; i < size; i++) {
            ids[i] = keys.id(rows.get(i));
        }
        if (n == 1 && numbers[0] != null) {
            long[] sorted = byPackedNumber(numbers[0], criteria.get(0).reverse(), ids);
            if (sorted != null) {
                return sorted;
            }
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            for (int c = 0; c < n; c++) {
                int r;
                if (numbers[c] != null) {
                    r = Long.compare(numbers[c][a], numbers[c][b]);
                } else if (plain[c]) {
                    long[] p = prefixes[c];
                    r = Long.compareUnsigned(p[2 * a], p[2 * b]);
                    r = r != 0 ? r : Long.compareUnsigned(p[2 * a + 1], p[2 * b + 1]);
                    r = r != 0 ? r : Integer.signum(strings[c][a].compareTo(strings[c][b]));
                } else {
                    r = Collation.compareKeys(strings[c][a], strings[c][b]);
                }
                if (r != 0) {
                    return criteria.get(c).reverse() ? -r : r;
                }
            }
            return Long.compare(ids[a], ids[b]);
        });
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = ids[order[i]];
        }
        return out;
    }

    /**
     * One numeric key with ascending ids (the usual case: rows in mailbox order): each row's key
     * and position packed in a long and sorted as primitives, ties falling to the position and so
     * to the id. Null when the ids do not ascend or the keys span too wide a range to pack.
     */
    private static long[] byPackedNumber(long[] key, boolean reverse, long[] ids) {
        int size = ids.length;
        for (int i = 1; i < size; i++) {
            if (ids[i] <= ids[i - 1]) {
                return null;
            }
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : key) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        int positionBits = 64 - Long.numberOfLeadingZeros(Math.max(size - 1, 1));
        if (size == 0 || max - min < 0 || max - min >= 1L << (63 - positionBits)) {
            return size == 0 ? new long[0] : null;
        }
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            long rank = reverse ? max - key[i] : key[i] - min;
            packed[i] = rank << positionBits | i;
        }
        Arrays.sort(packed);
        long mask = (1L << positionBits) - 1;
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = ids[(int) (packed[i] & mask)];
        }
        return out;
    }

    /**
     * The first eight code units of each key side by side, two longs per key: most comparisons
     * end there, without following a pointer to each string.
     */
    private static long[] prefixes(String[] keys) {
        long[] out = new long[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            out[2 * i] = units(keys[i], 0);
            out[2 * i + 1] = units(keys[i], 4);
        }
        return out;
    }

    /** Code units {@code from} to {@code from + 3} of {@code s} in one long, zeros past its end. */
    private static long units(String s, int from) {
        long p = 0;
        for (int i = from; i < from + 4; i++) {
            p = p << 16 | (i < s.length() ? s.charAt(i) : 0);
        }
        return p;
    }

    private static boolean belowSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= Character.MIN_SURROGATE) {
                return false;
            }
        }
        return true;
    }

    /** Whether a key is a number (ARRIVAL, DATE, SIZE) rather than a string. */
    public static boolean numeric(SortKey key) {
        return key == SortKey.ARRIVAL || key == SortKey.DATE || key == SortKey.SIZE;
    }

    /**
     * The collation key of a string key, from the raw header values (null when missing): what
     * SORT compares, worth keeping per message (base subjects and address parsing are not cheap).
     */
    public static String stringKey(SortKey key, String subject, String from, String to, String cc) {
        return switch (key) {
            case SUBJECT -> Collation.key(BaseSubject.of(subject).base());
            case FROM -> Collation.key(AddressFields.firstMailbox(from));
            case TO -> Collation.key(AddressFields.firstMailbox(to));
            case CC -> Collation.key(AddressFields.firstMailbox(cc));
            case DISPLAYFROM -> Collation.key(AddressFields.firstDisplay(from));
            case DISPLAYTO -> Collation.key(AddressFields.firstDisplay(to));
            default -> throw new IllegalArgumentException("not a string key: " + key);
        };
    }

    private static final Keys<SortableMessage> MESSAGE_KEYS = new Keys<>() {
        @Override
        public long id(SortableMessage m) {
            return m.id();
        }

        @Override
        public long number(SortableMessage m, SortKey key) {
            return switch (key) {
                case ARRIVAL -> m.arrival();
                case DATE -> m.sentDate();
                case SIZE -> m.size();
                default -> throw new IllegalArgumentException("not a numeric key: " + key);
            };
        }

        @Override
        public String string(SortableMessage m, SortKey key) {
            return stringKey(key, m.subject(), m.from(), m.to(), m.cc());
        }
    };
}
