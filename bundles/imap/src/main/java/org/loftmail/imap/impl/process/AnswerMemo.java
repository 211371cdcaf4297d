package org.loftmail.imap.impl.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.loftmail.api.storage.MessageFieldCache;
import org.loftmail.api.storage.StorageException;

/**
 * The last SORT and THREAD answers of each mailbox. Both depend only on the messages asked about
 * (their UIDs: headers, size and internal date never change for a UID), the numbers reported for
 * them and the query (algorithm or criteria), so a repeated SORT or THREAD on an unchanged
 * selection, as clients send at every refresh, is answered without sorting or threading again,
 * as Dovecot answers from its sort and thread indexes. Keyed by the mailbox's cache (one per
 * mailbox in the JVM, weakly held) and UIDVALIDITY; a few answers per mailbox.
 */
final class AnswerMemo {

    private static final int PER_MAILBOX = 6;

    private record Answer(long uidValidity, String query, long[] ids, long[] uids, Object value) {
        boolean answers(long validity, String q, long[] i, long[] u) {
            return uidValidity == validity && query.equals(q) && Arrays.equals(ids, i) && Arrays.equals(uids, u);
        }
    }

    @FunctionalInterface
    interface Computation<T> {
        T compute() throws StorageException;
    }

    private static final Map<MessageFieldCache, List<Answer>> ANSWERS = Collections.synchronizedMap(new WeakHashMap<>());

    private AnswerMemo() {
    }

    /**
     * The answer to {@code query} for messages {@code uids} reported as {@code ids}: remembered,
     * else computed. The value must not be changed by the caller: it may be handed out again.
     */
    @SuppressWarnings("unchecked")
    static <T> T answer(MessageFieldCache mailbox, long uidValidity, String query, long[] ids, long[] uids,
            Computation<T> computation) throws StorageException {
        List<Answer> known = ANSWERS.computeIfAbsent(mailbox, k -> new ArrayList<>());
        synchronized (known) {
            for (Answer a : known) {
                if (a.answers(uidValidity, query, ids, uids)) {
                    return (T) a.value();
                }
            }
        }
        T value = computation.compute();
        synchronized (known) {
            known.add(0, new Answer(uidValidity, query, ids, uids, value));
            if (known.size() > PER_MAILBOX) {
                known.remove(known.size() - 1);
            }
        }
        return value;
    }
}
