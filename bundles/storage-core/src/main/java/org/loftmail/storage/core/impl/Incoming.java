package org.loftmail.storage.core.impl;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.loftmail.api.storage.Flags;

/** A message about to be saved: from APPEND, delivery or the source of a COPY. */
record Incoming(Content content, Flags flags, Instant internalDate, String guid) {

    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException, org.loftmail.api.storage.StorageException;
    }
}
