package org.loftmail.imap.impl.request;

/** {@code idle} (RFC 2177); the session then waits for a {@code DONE} line. */
public record IdleRequest(String tag) implements ImapRequest {
}
