package org.loftmail.api.storage.spi;

import java.time.Instant;
import java.util.Objects;
import org.loftmail.api.storage.Flags;

/**
 * A message as a driver stores it; MODSEQ and \Recent are the core's business.
 *
 * @param uid its UID
 * @param flags system flags and keywords
 * @param internalDate INTERNALDATE
 * @param saveDate when it was saved
 * @param size octets as stored
 * @param virtualSize octets with bare LFs counted as CRLF
 * @param guid globally unique id of the content (from {@link SaveRequest#guid()} when saved through Loft)
 */
public record StoredMessage(long uid, Flags flags, Instant internalDate, Instant saveDate, long size,
        long virtualSize, String guid) {
    public StoredMessage {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(saveDate, "saveDate");
        Objects.requireNonNull(guid, "guid");
    }

    public StoredMessage withFlags(Flags newFlags) {
        return new StoredMessage(uid, newFlags, internalDate, saveDate, size, virtualSize, guid);
    }
}
