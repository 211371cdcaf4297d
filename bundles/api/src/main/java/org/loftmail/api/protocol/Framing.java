package org.loftmail.api.protocol;

/**
 * How input is split into commands.
 *
 * @param maxLineLength the longest line (without CRLF) accepted; a longer one is discarded up to
 *                      its CRLF and reported as {@link InputError#LINE_TOO_LONG}
 * @param literals      whether a line ending in {@code {n}}, {@code {n+}} or {@code ~{n}} is
 *                      followed by n bytes of literal data that belong to the same command (IMAP,
 *                      ManageSieve)
 * @param chunks        whether the session is asked, line by line, if a counted chunk of raw
 *                      bytes follows ({@link ProtocolSession#chunkSize}, SMTP's {@code BDAT} of
 *                      RFC 3030) ({@code @since 1.2})
 */
public record Framing(int maxLineLength, boolean literals, boolean chunks) {

    public Framing {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
    }

    /** Framing without chunks. */
    public Framing(int maxLineLength, boolean literals) {
        this(maxLineLength, literals, false);
    }

    /** Plain CRLF lines, as POP3 and LMTP commands use. */
    public static Framing lines(int maxLineLength) {
        return new Framing(maxLineLength, false);
    }

    /** CRLF lines that may carry literals, as IMAP and ManageSieve use. */
    public static Framing linesWithLiterals(int maxLineLength) {
        return new Framing(maxLineLength, true);
    }

    /**
     * CRLF lines, some of them followed by a chunk of raw bytes whose length the line gives, as
     * SMTP and LMTP with CHUNKING (RFC 3030) use.
     *
     * @since 1.2
     */
    public static Framing linesWithChunks(int maxLineLength) {
        return new Framing(maxLineLength, false, true);
    }
}
