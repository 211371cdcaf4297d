package org.loftmail.api.storage.quota;

/**
 * Messages about to be added to a mailbox.
 *
 * @param user the user
 * @param mailbox the target mailbox
 * @param messages how many messages
 * @param bytes their total size in octets (as stored)
 */
public record QuotaRequest(String user, String mailbox, int messages, long bytes) {
}
