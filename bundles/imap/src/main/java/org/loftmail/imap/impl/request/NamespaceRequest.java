package org.loftmail.imap.impl.request;

/** {@code namespace} (RFC 2342). */
public record NamespaceRequest(String tag) implements ImapRequest {
}
