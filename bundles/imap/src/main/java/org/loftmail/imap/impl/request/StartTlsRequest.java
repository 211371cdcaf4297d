package org.loftmail.imap.impl.request;

/** {@code starttls} (RFC 3501 6.2.1). */
public record StartTlsRequest(String tag) implements ImapRequest {
}
