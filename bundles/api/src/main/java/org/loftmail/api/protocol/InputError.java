package org.loftmail.api.protocol;

/** Input the network layer refused before it became a command. */
public enum InputError {
    /** A line longer than {@link Framing#maxLineLength()}; it was discarded up to its CRLF. */
    LINE_TOO_LONG,
    /**
     * A literal the session did not accept: a synchronizing one is never sent by the client; the
     * bytes of a non-synchronizing one are read and discarded. Either way the command is dropped.
     */
    LITERAL_REFUSED
}
