package org.loftmail.api.storage;

import java.util.List;

/**
 * What a view learnt when it synced, in the order IMAP must report it.
 *
 * @param expunged sequence numbers to send as {@code * n EXPUNGE}, in sending order (each valid
 *     at the moment it is sent, as RFC 3501 requires)
 * @param expungedUids the same messages by UID (for {@code VANISHED})
 * @param exists the number of messages now in the view ({@code * n EXISTS})
 * @param recent the number of messages with {@code \Recent} in this view ({@code * n RECENT})
 * @param flagUpdates messages whose flags other sessions changed, with their new sequence number
 * @param uidNext the mailbox's UIDNEXT now
 * @param highestModseq the mailbox's highest modseq now
 */
public record SyncResult(List<Integer> expunged, List<Long> expungedUids, int exists, int recent,
        List<ViewMessage> flagUpdates, long uidNext, long highestModseq) {
    public SyncResult {
        expunged = List.copyOf(expunged);
        expungedUids = List.copyOf(expungedUids);
        flagUpdates = List.copyOf(flagUpdates);
    }

}
