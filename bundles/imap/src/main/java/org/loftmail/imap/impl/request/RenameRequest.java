package org.loftmail.imap.impl.request;

/** {@code rename SP mailbox SP mailbox} (RFC 3501 6.3.5). */
public record RenameRequest(String tag, String from, String to) implements ImapRequest {
}
