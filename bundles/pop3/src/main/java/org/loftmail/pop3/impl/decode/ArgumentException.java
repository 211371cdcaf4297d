package org.loftmail.pop3.impl.decode;

/** An argument was refused; the message is the text after {@code -ERR}. */
public final class ArgumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public ArgumentException(String message) {
        super(message, null, false, false);
    }
}
