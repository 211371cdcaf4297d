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

    /** The ids of {@code messages} in SORT order; the input list is not modified. */
    public static List<Long> sort(List<SortableMessage> messages, List<SortCriterion> criteria) {
        int size = messages.size();
        int n = criteria.size();
        // per criterion, the keys of all messages: numbers in a long[], collation keys in a String[]
        long[][] numbers = new long[n][];
        String[][] strings = new String[n][];
        for (int c = 0; c < n; c++) {
            SortKey key = criteria.get(c).key();
            if (numeric(key)) {
                numbers[c] = new long[size];
            } else {
                strings[c] = new String[size];
            }
            for (int i = 0; i < size; i++) {
                SortableMessage m = messages.get(i);
                if (numbers[c] != null) {
                    numbers[c][i] = number(m, key);
                } else {
                    strings[c][i] = string(m, key);
                }
            }
        }
        long[] ids = new long[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            ids[i] = messages.get(i).id();
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            for (int c = 0; c < n; c++) {
                int r = numbers[c] != null ? Long.compare(numbers[c][a], numbers[c][b])
                        : Collation.compareKeys(strings[c][a], strings[c][b]);
                if (r != 0) {
                    return criteria.get(c).reverse() ? -r : r;
                }
            }
            return Long.compare(ids[a], ids[b]);
        });
        Long[] out = new Long[size];
        for (int i = 0; i < size; i++) {
            out[i] = ids[order[i]];
        }
        return Arrays.asList(out);
    }

    private static boolean numeric(SortKey key) {
        return key == SortKey.ARRIVAL || key == SortKey.DATE || key == SortKey.SIZE;
    }

    private static long number(SortableMessage m, SortKey key) {
        return switch (key) {
            case ARRIVAL -> m.arrival();
            case DATE -> m.sentDate();
            case SIZE -> m.size();
            default -> throw new IllegalArgumentException("not a numeric key: " + key);
        };
    }

    private static String string(SortableMessage m, SortKey key) {
        return switch (key) {
            case SUBJECT -> Collation.key(BaseSubject.of(m.subject()).base());
            case FROM -> Collation.key(AddressFields.firstMailbox(m.from()));
            case TO -> Collation.key(AddressFields.firstMailbox(m.to()));
            case CC -> Collation.key(AddressFields.firstMailbox(m.cc()));
            case DISPLAYFROM -> Collation.key(AddressFields.firstDisplay(m.from()));
            case DISPLAYTO -> Collation.key(AddressFields.firstDisplay(m.to()));
            default -> throw new IllegalArgumentException("not a string key: " + key);
        };
    }
}
