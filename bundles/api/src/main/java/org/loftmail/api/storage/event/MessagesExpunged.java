package org.loftmail.api.storage.event;

import java.util.List;

/** Messages were expunged (not moved: see {@link MessagesMoved}). */
public record MessagesExpunged(String user, String mailbox, long uidValidity, List<Long> uids) implements MailboxEvent {
    public MessagesExpunged {
        uids = List.copyOf(uids);
    }
}
