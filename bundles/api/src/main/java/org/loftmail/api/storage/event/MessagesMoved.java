package org.loftmail.api.storage.event;

import java.util.List;

/**
 * Messages were moved from {@code mailbox} to {@code target}: {@code sourceUids.get(i)} is now
 * {@code targetUids.get(i)}. Implies an append to the target and an expunge from the source; no
 * separate events are sent for those.
 */
public record MessagesMoved(String user, String mailbox, List<Long> sourceUids, String target, long targetUidValidity,
        List<Long> targetUids) implements MailboxEvent {
    public MessagesMoved {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }
}
