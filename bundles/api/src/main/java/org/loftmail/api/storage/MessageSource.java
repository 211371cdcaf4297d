package org.loftmail.api.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The content of a message to save. Storage calls {@link #open()} once per save and closes the
 * stream; a source backed by a spooled literal file stays valid until the call returns.
 */
@ConsumerType
@FunctionalInterface
public interface MessageSource {

    InputStream open() throws IOException;

    /** The size in octets when known up front (lets quota refuse before reading), else -1. */
    default long size() {
        return -1;
    }

    static MessageSource of(byte[] content) {
        byte[] copy = content.clone();
        return new MessageSource() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public long size() {
                return copy.length;
            }
        };
    }

    static MessageSource of(Path file) {
        return new MessageSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }
}
