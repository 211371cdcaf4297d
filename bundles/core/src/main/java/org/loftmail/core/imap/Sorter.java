package org.loftmail.core.imap;

import java.util.ArrayList;
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
        int n = criteria.size();
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (SortableMessage m : messages) {
            Object[] row = new Object[n + 1];
            for (int i = 0; i < n; i++) {
                row[i] = key(m, criteria.get(i).key());
            }
            row[n] = m.id();
            rows.add(row);
        }
        rows.sort((a, b) -> {
            for (int i = 0; i < n; i++) {
                int c = a[i] instanceof Long la ? Long.compare(la, (Long) b[i])
                        : Collation.compareKeys((String) a[i], (String) b[i]);
                if (c != 0) {
                    return criteria.get(i).reverse() ? -c : c;
                }
            }
            return Long.compare((Long) a[n], (Long) b[n]);
        });
        return rows.stream().map(r -> (Long) r[n]).toList();
    }

    private static Object key(SortableMessage m, SortKey key) {
        return switch (key) {
            case ARRIVAL -> m.arrival();
            case DATE -> m.sentDate();
            case SIZE -> m.size();
            case SUBJECT -> Collation.key(BaseSubject.of(m.subject()).base());
            case FROM -> Collation.key(AddressFields.firstMailbox(m.from()));
            case TO -> Collation.key(AddressFields.firstMailbox(m.to()));
            case CC -> Collation.key(AddressFields.firstMailbox(m.cc()));
            case DISPLAYFROM -> Collation.key(AddressFields.firstDisplay(m.from()));
            case DISPLAYTO -> Collation.key(AddressFields.firstDisplay(m.to()));
        };
    }
}
