package org.loftmail.imap.impl.request;

/** {@code noop} (RFC 3501 6.1.2). */
public record NoopRequest(String tag) implements ImapRequest {
}
