package org.loftmail.imap.impl.request;

/** {@code unselect} (RFC 3691). */
public record UnselectRequest(String tag) implements ImapRequest {
}
