package org.loftmail.imap.impl.decode;

/** The IMAP connection states in which commands are allowed (RFC 3501 3). */
public enum SessionState {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED
}
