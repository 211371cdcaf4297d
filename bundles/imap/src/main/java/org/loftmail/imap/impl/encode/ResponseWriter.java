package org.loftmail.imap.impl.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes IMAP response syntax (RFC 3501 9) to a stream: tokens separated by single spaces
 * (inserted here, so callers never write SP), parenthesized lists, strings as quoted or literal,
 * and literals streamed from an {@link InputStream} in chunks so a large body is never held
 * whole. Not thread-safe: one writer per session, used by the session's executor.
 */
public final class ResponseWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int CHUNK = 16 * 1024;

    private final OutputStream out;
    private boolean needSpace;

    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Starts an untagged response: {@code *}. */
    public ResponseWriter untagged() {
        return raw("*");
    }

    /** Starts a tagged response. */
    public ResponseWriter tag(String tag) {
        return raw(tag);
    }

    /** Writes {@code + text} CRLF, a command continuation request. */
    public void continuation(String text) {
        raw("+");
        raw(text);
        end();
    }

    /** An atom or any already-formatted token, written as it is. */
    public ResponseWriter atom(String atom) {
        return raw(atom);
    }

    /**
     * A ready-made token whose chars are octets (ISO-8859-1), as ENVELOPE and BODYSTRUCTURE text
     * comes from the MIME layer: 8-bit header bytes go out unchanged, literal lengths stay right.
     */
    public ResponseWriter octets(String latin1) {
        space();
        write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        needSpace = true;
        return this;
    }

    public ResponseWriter number(long n) {
        return raw(Long.toString(n));
    }

    /**
     * Human-readable text up to CRLF. CR and LF become spaces: text may quote client input, and
     * a line break in it would let that input forge a response.
     */
    public ResponseWriter text(String text) {
        return raw(text.replace('\r', ' ').replace('\n', ' '));
    }

    public ResponseWriter nil() {
        return raw("NIL");
    }

    /** Opens a parenthesized list. */
    public ResponseWriter open() {
        space();
        write('(');
        needSpace = false;
        return this;
    }

    /** Closes a list (or a bracket) with the given character. */
    public ResponseWriter close(char c) {
        write(c);
        needSpace = true;
        return this;
    }

    public ResponseWriter close() {
        return close(')');
    }

    /**
     * {@code astring}: an atom when every byte is an ASTRING-CHAR and the text is not NIL (as
     * Dovecot writes mailbox names), else a string.
     */
    public ResponseWriter astring(String s) {
        return Strings.isAtom(s) ? raw(s) : string(s);
    }

    /** A string or NIL for null. */
    public ResponseWriter nstring(String s) {
        return s == null ? nil() : string(s);
    }

    /** A string, quoted when it can be, else a literal (see {@link Strings#needsLiteral}). */
    public ResponseWriter string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (Strings.needsLiteral(bytes)) {
            space();
            write(("{" + bytes.length + "}").getBytes(StandardCharsets.US_ASCII));
            write(CRLF);
            write(bytes);
            needSpace = true;
            return this;
        }
        return raw(Strings.quote(s));
    }

    /**
     * A literal of exactly {@code size} bytes copied from {@code in} ({@code ~{n}} for binary,
     * RFC 3516). Fails if the stream ends early: the response would be corrupt.
     */
    public ResponseWriter literal(InputStream in, long size, boolean binary) {
        space();
        write(((binary ? "~{" : "{") + size + "}").getBytes(StandardCharsets.US_ASCII));
        write(CRLF);
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(size, 1))];
        long left = size;
        try {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("literal source ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        needSpace = true;
        return this;
    }

    /** A whole response line, CRLF included, already encoded; flushed like {@link #end()}. */
    public void line(byte[] octets, int length) {
        write(octets, 0, length);
        needSpace = false;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the response with CRLF and flushes. */
    public void end() {
        write(CRLF);
        needSpace = false;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseWriter raw(String token) {
        space();
        write(token.getBytes(StandardCharsets.UTF_8));
        needSpace = true;
        return this;
    }

    private void space() {
        if (needSpace) {
            write(' ');
        }
    }

    private void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    private void write(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(char octet) {
        try {
            out.write(octet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
