package org.loftmail.api.storage;

import java.util.List;

/**
 * What changed in a mailbox after a modseq, for CONDSTORE {@code CHANGEDSINCE} and QRESYNC.
 *
 * @param highestModseq the mailbox's highest modseq now
 * @param changed messages (still present) with modseq greater than the one asked for, by UID
 * @param vanished UIDs expunged after the modseq asked for; may include UIDs that never existed
 *     when the history is no longer known precisely (RFC 7162 permits this)
 */
public record Changes(long highestModseq, List<MessageMeta> changed, UidSet vanished) {
    public Changes {
        changed = List.copyOf(changed);
    }
}
