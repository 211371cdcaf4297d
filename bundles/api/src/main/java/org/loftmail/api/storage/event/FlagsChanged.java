package org.loftmail.api.storage.event;

import java.util.List;
import org.loftmail.api.storage.MessageMeta;

/** Flags of messages changed; {@code messages} carry the new flags and modseqs. */
public record FlagsChanged(String user, String mailbox, long uidValidity, List<MessageMeta> messages) implements MailboxEvent {
    public FlagsChanged {
        messages = List.copyOf(messages);
    }
}
