package org.loftmail.api.storage;

/**
 * STATUS of a mailbox (RFC 3501, RFC 7162, RFC 8438).
 *
 * @param messages number of messages
 * @param recent number of messages with {@code \Recent}
 * @param unseen number of messages without {@code \Seen}
 * @param uidNext the UID the next message will get at least
 * @param uidValidity the UIDVALIDITY
 * @param highestModseq the highest modification sequence, at least 1 (also for an empty mailbox)
 * @param size sum of the messages' sizes in octets
 */
public record MailboxStatus(long messages, long recent, long unseen, long uidNext, long uidValidity,
        long highestModseq, long size) {
}
