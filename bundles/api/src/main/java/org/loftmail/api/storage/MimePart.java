package org.loftmail.api.storage;

/**
 * Where a MIME part lies inside a message, as octet offsets into the stored content; read it with
 * {@link MessageContent#open(long, long)}.
 *
 * @param number the IMAP part number, e.g. {@code 1.2}; empty for the whole message
 * @param headerStart offset of the part's MIME header (IMAP {@code BODY[n.MIME]})
 * @param bodyStart offset of the part's body (IMAP {@code BODY[n]})
 * @param end offset just past the body (excluding the CRLF before the next boundary)
 */
public record MimePart(String number, long headerStart, long bodyStart, long end) {
    public long headerLength() {
        return bodyStart - headerStart;
    }

    public long bodyLength() {
        return end - bodyStart;
    }
}
