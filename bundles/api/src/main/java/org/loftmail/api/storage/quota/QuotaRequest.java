package org.loftmail.api.storage.quota;

/**
 * Messages about to be added to a mailbox.
 *
 * @param user the user
 * @param mailbox the target mailbox
 * @param messages how many messages
 * @param bytes their total size in octets (as stored)
 * @param movedFrom the mailbox the messages are moved from (IMAP MOVE, after which they are
 *                  expunged there), or {@code null} when they are added (APPEND, COPY, delivery)
 *                  ({@code @since 1.1})
 */
public record QuotaRequest(String user, String mailbox, int messages, long bytes, String movedFrom) {

    /** Messages added, not moved. */
    public QuotaRequest(String user, String mailbox, int messages, long bytes) {
        this(user, mailbox, messages, bytes, null);
    }
}
