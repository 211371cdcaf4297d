package org.loftmail.imap.impl.request;

/** {@code expunge} (RFC 3501 6.4.3). */
public record ExpungeRequest(String tag) implements ImapRequest {
}
