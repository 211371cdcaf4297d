package org.loftmail.api.protocol;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The data of one literal. Small literals are held in memory; large ones are spooled to disk by
 * the network layer, so reading them never needs the whole literal on the heap.
 */
@ProviderType
public non-sealed interface Literal extends Command.Part {

    /** Size in bytes, as announced. */
    long size();

    /** Whether it was announced as binary ({@code ~{n}}, RFC 3516). */
    boolean binary();

    /** A fresh stream over the data; may be opened more than once until {@link #release()}. */
    InputStream open() throws IOException;

    /**
     * The whole data in memory. Meant for small literals (user names, search strings); throws
     * {@link IllegalStateException} for one larger than 1 MiB.
     */
    byte[] bytes() throws IOException;

    /** Frees the data (deletes a spool file). Idempotent. */
    void release();
}
