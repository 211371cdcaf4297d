package org.loftmail.api.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to append.
 *
 * @param content the message
 * @param flags flags to store with it
 * @param internalDate the INTERNALDATE, or {@code null} for now
 */
public record AppendRequest(MessageSource content, Flags flags, Instant internalDate) {
    public AppendRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(flags, "flags");
    }

    public static AppendRequest of(byte[] content) {
        return new AppendRequest(MessageSource.of(content), Flags.NONE, null);
    }
}
