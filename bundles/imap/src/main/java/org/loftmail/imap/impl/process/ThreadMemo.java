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
 * The last THREAD answers of each mailbox. A thread list depends only on the messages threaded
 * (their UIDs: headers and internal date never change for a UID) and the numbers reported for
 * them, so a repeated THREAD on an unchanged selection is answered without threading again, as
 * Dovecot answers from its thread index. Keyed by the mailbox's cache (one per mailbox in the
 * JVM, weakly held) and UIDVALIDITY; a few answers per mailbox.
 */
final class ThreadMemo {

    private static final int PER_MAILBOX = 4;

    private record Answer(long uidValidity, String algorithm, long[] ids, long[] uids, String threads) {
        boolean answers(long validity, String alg, long[] i, long[] u) {
            return uidValidity == validity && algorithm.equals(alg) && Arrays.equals(ids, i) && Arrays.equals(uids, u);
        }
    }

    @FunctionalInterface
    interface Threading {
        String threads() throws StorageException;
    }

    private static final Map<MessageFieldCache, List<Answer>> ANSWERS = Collections.synchronizedMap(new WeakHashMap<>());

    private ThreadMemo() {
    }

    /** The thread list for messages {@code uids} reported as {@code ids}: remembered, else computed. */
    static String threads(MessageFieldCache mailbox, long uidValidity, String algorithm, long[] ids, long[] uids,
            Threading threading) throws StorageException {
        List<Answer> known = ANSWERS.computeIfAbsent(mailbox, k -> new ArrayList<>());
        synchronized (known) {
            for (Answer a : known) {
                if (a.answers(uidValidity, algorithm, ids, uids)) {
                    return a.threads();
                }
            }
        }
        String threads = threading.threads();
        synchronized (known) {
            known.add(0, new Answer(uidValidity, algorithm, ids, uids, threads));
            if (known.size() > PER_MAILBOX) {
                known.remove(known.size() - 1);
            }
        }
        return threads;
    }
}
