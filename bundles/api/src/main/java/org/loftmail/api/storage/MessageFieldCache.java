package org.loftmail.api.storage;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Values a protocol derives from a message's content and wants again (IMAP's ENVELOPE,
 * BODYSTRUCTURE, header fields for SEARCH, SORT and THREAD), kept per UID under a field name the
 * protocol chooses. A message's content never changes for its UID, so neither does a value:
 * whatever is put for a UID and field is what every later {@link #get} answers, in every session
 * and, when the driver persists the cache next to its index, after a restart. A value may be
 * missing at any time (never cached, dropped, lost in a crash); then derive it again and put it.
 *
 * <p>One per mailbox, shared by all its sessions; thread safe. Field names are short ASCII
 * strings; a protocol prefixes its own (e.g. {@code imap.envelope}) and changes the name when it
 * changes how it encodes the value.
 */
@ProviderType
public interface MessageFieldCache {

    /** The value cached for the message with this UID, or empty. The array is the caller's. */
    Optional<byte[]> get(long uid, String field);

    /**
     * Caches a value (replacing any for the same UID and field). Cheap: the storage writes values
     * out in batches. Values of messages the mailbox no longer holds are dropped, not
     * necessarily at once.
     *
     * @throws IllegalArgumentException when the field name is not 1 to 255 ASCII characters from {@code !} to {@code ~}
     */
    void put(long uid, String field, byte[] value);
}
