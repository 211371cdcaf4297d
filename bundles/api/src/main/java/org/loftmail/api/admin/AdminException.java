package org.loftmail.api.admin;

/**
 * A command failed; {@code loftadm} prints the message and exits with the code, which follows
 * {@code sysexits.h} as {@code doveadm} does.
 */
public class AdminException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit codes of {@code doveadm}. */
    public enum Kind {
        /** Wrong arguments (EX_USAGE). */
        USAGE(64),
        /** The user does not exist (EX_NOUSER). */
        NO_USER(67),
        /** The command failed inside the server (EX_SOFTWARE). */
        FAILED(70),
        /** Try again later (EX_TEMPFAIL). */
        TEMPORARY(75);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public AdminException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AdminException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
