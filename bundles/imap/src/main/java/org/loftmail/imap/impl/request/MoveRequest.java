package org.loftmail.imap.impl.request;

/** {@code move SP sequence-set SP mailbox} (RFC 6851). */
public record MoveRequest(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapRequest {
}
