package org.loftmail.imap.impl.request;

/** {@code getquotaroot SP mailbox} (RFC 9208 4.3). */
public record GetQuotaRootRequest(String tag, String mailbox) implements ImapRequest {
}
