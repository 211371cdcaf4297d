package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/** Maps the file system's failures to the storage error vocabulary, once, keeping the cause. */
final class StorageErrors {
    private StorageErrors() {
    }

    static StorageException io(String what, IOException e) {
        return new StorageException(classify(e), what + ": " + e, e);
    }

    static StorageException invalidName(IllegalArgumentException e) {
        return new StorageException(StorageError.INVALID_NAME, e.getMessage(), e);
    }

    static StorageException notFound(String name) {
        return new StorageException(StorageError.NOT_FOUND, "Mailbox doesn't exist: " + name);
    }

    static StorageException exists(String name) {
        return new StorageException(StorageError.EXISTS, "Mailbox " + name + " already exists");
    }

    private static StorageError classify(IOException e) {
        if (e instanceof AccessDeniedException) {
            return StorageError.NO_PERMISSION;
        }
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason != null && (reason.contains("No space left") || reason.contains("quota exceeded"))) {
            return StorageError.OVER_QUOTA;
        }
        return StorageError.TEMPORARY;
    }
}
