package org.loftmail.imap.impl.request;

/** {@code subscribe SP mailbox} (RFC 3501 6.3.6). */
public record SubscribeRequest(String tag, String mailbox) implements ImapRequest {
}
