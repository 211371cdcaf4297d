package org.loftmail.imap.impl.request;

/** {@code compress SP algorithm} (RFC 4978); the algorithm upper case. */
public record CompressRequest(String tag, String algorithm) implements ImapRequest {
}
