package org.loftmail.imap.impl.request;

/** {@code check} (RFC 3501 6.4.1). */
public record CheckRequest(String tag) implements ImapRequest {
}
