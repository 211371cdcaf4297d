package org.loftmail.imap.impl.request;

/** ESEARCH return options (RFC 4731 3.1, SAVE from SEARCHRES RFC 5182). */
public enum SearchReturn {
    MIN, MAX, ALL, COUNT, SAVE
}
