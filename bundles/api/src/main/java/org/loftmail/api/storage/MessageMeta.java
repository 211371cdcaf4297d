package org.loftmail.api.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What a mailbox knows about one message, the same for every session.
 *
 * @param uid the UID, &gt; 0, unique and never reused in the mailbox's UIDVALIDITY
 * @param flags system flags and keywords
 * @param modseq the modification sequence of the last change to this message (RFC 7162)
 * @param internalDate the IMAP INTERNALDATE
 * @param saveDate when the message was saved into this mailbox (RFC 8514)
 * @param size size in octets as stored
 * @param virtualSize size with every bare LF counted as CRLF (what IMAP RFC822.SIZE reports)
 * @param guid a globally unique id of the message content, stable across copies when the driver can
 */
public record MessageMeta(long uid, Flags flags, long modseq, Instant internalDate, Instant saveDate,
        long size, long virtualSize, String guid) {
    public MessageMeta {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(saveDate, "saveDate");
        Objects.requireNonNull(guid, "guid");
    }
}
