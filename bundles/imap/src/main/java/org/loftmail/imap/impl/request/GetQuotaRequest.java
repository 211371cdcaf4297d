package org.loftmail.imap.impl.request;

/** {@code getquota SP quota-root} (RFC 9208 4.2). */
public record GetQuotaRequest(String tag, String root) implements ImapRequest {
}
