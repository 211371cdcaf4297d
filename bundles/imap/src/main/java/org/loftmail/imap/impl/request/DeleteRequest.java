package org.loftmail.imap.impl.request;

/** {@code delete SP mailbox} (RFC 3501 6.3.4). */
public record DeleteRequest(String tag, String mailbox) implements ImapRequest {
}
