package org.loftmail.auth.sql.impl;

/** The database cannot be reached or answered with a server error: a temporary failure, never "wrong password". */
public final class SqlUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public SqlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
