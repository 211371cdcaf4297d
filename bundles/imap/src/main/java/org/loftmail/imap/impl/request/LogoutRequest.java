package org.loftmail.imap.impl.request;

/** {@code logout} (RFC 3501 6.1.3). */
public record LogoutRequest(String tag) implements ImapRequest {
}
