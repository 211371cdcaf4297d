package org.loftmail.imap.impl.request;

import java.time.OffsetDateTime;
import java.util.List;
import org.loftmail.api.protocol.Literal;

/**
 * {@code [SP flag-list] [SP date-time] SP literal} of one appended message.
 *
 * @param date    the internal date asked for, or null for "now"
 * @param message the message data; {@link Literal#binary()} when sent as {@code ~{n}}
 */
public record AppendMessage(List<String> flags, OffsetDateTime date, Literal message) {

    public AppendMessage {
        flags = List.copyOf(flags);
    }
}
