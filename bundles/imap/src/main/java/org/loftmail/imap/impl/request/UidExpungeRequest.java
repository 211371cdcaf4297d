package org.loftmail.imap.impl.request;

/** {@code "UID EXPUNGE" SP sequence-set} (RFC 4315 2.1). */
public record UidExpungeRequest(String tag, SequenceSet uids) implements ImapRequest {
}
