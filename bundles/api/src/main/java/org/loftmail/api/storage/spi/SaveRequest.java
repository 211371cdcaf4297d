package org.loftmail.api.storage.spi;

import java.time.Instant;
import java.util.Objects;
import org.loftmail.api.storage.Flags;

/**
 * How to save a message.
 *
 * @param flags flags to store
 * @param internalDate INTERNALDATE
 * @param saveDate the save date
 * @param guid the GUID the core chose
 */
public record SaveRequest(Flags flags, Instant internalDate, Instant saveDate, String guid) {
    public SaveRequest {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(saveDate, "saveDate");
        Objects.requireNonNull(guid, "guid");
    }
}
