package org.loftmail.imap.impl.request;

/** {@code close} (RFC 3501 6.4.2). */
public record CloseRequest(String tag) implements ImapRequest {
}
