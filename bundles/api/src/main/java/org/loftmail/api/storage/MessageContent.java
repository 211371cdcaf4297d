package org.loftmail.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The content of one message. Once the message is expunged (by any session) it may no longer be
 * readable, depending on the driver. Each {@code open} returns a fresh stream the caller must close. When the content
 * cannot be read any more the {@code IOException} has a {@link StorageException} as its cause
 * (e.g. {@link StorageError#EXPUNGED}).
 */
@ProviderType
public interface MessageContent {

    /** Size in octets as stored. */
    long size();

    /** The whole message. */
    InputStream open() throws IOException;

    /**
     * {@code length} octets from {@code offset} (fewer at the end of the message) without reading
     * what lies before it when the driver can seek.
     */
    InputStream open(long offset, long length) throws IOException;

    /** The message header including the empty line that ends it (IMAP {@code BODY[HEADER]}). */
    InputStream header() throws IOException;

    /** The part at offset 0: header length and body range of the whole message. */
    MimePart root() throws IOException;

    /**
     * Finds a MIME part by IMAP part number ({@code 1}, {@code 2.1}, ...) by walking multipart
     * boundaries; a non-multipart message has only part {@code 1} (its body). Reads the message
     * once, without keeping it in memory.
     *
     * @return the part, or empty when there is no such part
     */
    Optional<MimePart> part(String number) throws IOException;
}
