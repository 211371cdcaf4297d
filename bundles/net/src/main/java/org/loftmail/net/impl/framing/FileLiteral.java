package org.loftmail.net.impl.framing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.loftmail.api.protocol.Literal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A large literal spooled to a temporary file; {@link #release()} deletes the file. */
final class FileLiteral implements Literal {

    private static final Logger LOG = LoggerFactory.getLogger(FileLiteral.class);
    static final long MAX_BYTES_IN_MEMORY = 1024 * 1024;

    private final Path file;
    private final long size;
    private final boolean binary;
    private final AtomicBoolean released = new AtomicBoolean();

    FileLiteral(Path file, long size, boolean binary) {
        this.file = file;
        this.size = size;
        this.binary = binary;
    }

    /** The spool file (for tests and diagnostics). */
    Path file() {
        return file;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public InputStream open() throws IOException {
        if (released.get()) {
            throw new IOException("literal was released");
        }
        return Files.newInputStream(file);
    }

    @Override
    public byte[] bytes() throws IOException {
        if (size > MAX_BYTES_IN_MEMORY) {
            throw new IllegalStateException("literal of " + size + " bytes is too large to read into memory; use open()");
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void release() {
        if (released.compareAndSet(false, true)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("could not delete literal spool file {}: {}", file, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "Literal[" + size + " bytes spooled" + (binary ? ", binary" : "") + "]";
    }
}
