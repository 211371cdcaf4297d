package org.loftmail.imap.impl.request;

/** {@code lsub SP mailbox SP list-mailbox} (RFC 3501 6.3.9). */
public record LsubRequest(String tag, String reference, String pattern) implements ImapRequest {
}
