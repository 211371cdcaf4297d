package org.loftmail.pop3.impl.process;

import org.loftmail.api.storage.StorageException;

/** Maps storage failures to POP3 response codes (RFC 3206) once: IN-USE, SYS/TEMP or SYS/PERM. */
final class StorageErrors {

    private StorageErrors() {
    }

    /** The text after {@code -ERR}. */
    static String text(StorageException e) {
        return switch (e.error()) {
            case IN_USE -> "[IN-USE] " + e.getMessage();
            case TEMPORARY, INTERNAL -> "[SYS/TEMP] " + e.getMessage();
            case NO_PERMISSION, NOT_FOUND, NOT_SELECTABLE -> "[SYS/PERM] " + e.getMessage();
            default -> e.getMessage();
        };
    }
}
