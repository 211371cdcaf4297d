package org.loftmail.api.protocol;

/**
 * How input is split into commands.
 *
 * @param maxLineLength the longest line (without CRLF) accepted; a longer one is discarded up to
 *                      its CRLF and reported as {@link InputError#LINE_TOO_LONG}
 * @param literals      whether a line ending in {@code {n}}, {@code {n+}} or {@code ~{n}} is
 *                      followed by n bytes of literal data that belong to the same command (IMAP,
 *                      ManageSieve)
 */
public record Framing(int maxLineLength, boolean literals) {

    public Framing {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
    }

    /** Plain CRLF lines, as POP3 and LMTP commands use. */
    public static Framing lines(int maxLineLength) {
        return new Framing(maxLineLength, false);
    }

    /** CRLF lines that may carry literals, as IMAP and ManageSieve use. */
    public static Framing linesWithLiterals(int maxLineLength) {
        return new Framing(maxLineLength, true);
    }
}
