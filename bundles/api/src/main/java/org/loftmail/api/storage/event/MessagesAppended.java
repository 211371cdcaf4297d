package org.loftmail.api.storage.event;

import java.util.List;

/** Messages were appended (APPEND, LMTP delivery, COPY into this mailbox). */
public record MessagesAppended(String user, String mailbox, long uidValidity, List<Long> uids) implements MailboxEvent {
    public MessagesAppended {
        uids = List.copyOf(uids);
    }
}
