package org.loftmail.imap.impl.request;

/** {@code unsubscribe SP mailbox} (RFC 3501 6.3.7). */
public record UnsubscribeRequest(String tag, String mailbox) implements ImapRequest {
}
