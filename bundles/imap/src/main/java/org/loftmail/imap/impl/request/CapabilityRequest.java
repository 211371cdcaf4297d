package org.loftmail.imap.impl.request;

/** {@code capability} (RFC 3501 6.1.1). */
public record CapabilityRequest(String tag) implements ImapRequest {
}
