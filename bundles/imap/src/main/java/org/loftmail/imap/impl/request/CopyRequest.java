package org.loftmail.imap.impl.request;

/** {@code copy SP sequence-set SP mailbox} (RFC 3501 6.4.7). */
public record CopyRequest(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapRequest {
}
