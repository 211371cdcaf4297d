package org.loftmail.api.storage;

import java.util.Objects;

/**
 * A storage operation failed. {@link #error()} says what kind of failure it is; the message is
 * meant for the user (it names the mailbox or the broken rule), the cause, when there is one,
 * for the log.
 */
public class StorageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final StorageError error;

    public StorageException(StorageError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public StorageException(StorageError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The kind of failure; never {@code null}. */
    public StorageError error() {
        return error;
    }
}
