package org.loftmail.imap.impl.decode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Literal;

/**
 * The position in a framed {@link Command}: the current text part and offset, and the step over
 * a literal to the text after it. Holds the primitives that look at single characters, numbers
 * and literal markers; {@link ImapReader} builds the string grammar on top.
 */
abstract class CommandCursor {

    private final List<Command.Part> parts;
    private int partIndex;
    private byte[] text;
    private int pos;

    CommandCursor(Command command) {
        this.parts = command.parts();
        this.text = ((Command.Text) parts.get(0)).bytes();
    }

    /** Consumes the byte {@link #peek()} returned. */
    void skip() {
        pos++;
    }

    /** The next byte without consuming it, or -1 at the end of the command. */
    public int peek() {
        return pos < text.length ? text[pos] & 0xff : -1;
    }

    /** Whether the current text continues with {@code ascii}, compared case-insensitively. */
    public boolean lookingAt(String ascii) {
        if (pos + ascii.length() > text.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (Character.toUpperCase(text[pos + i]) != Character.toUpperCase(ascii.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The byte {@code offset} positions ahead in the current text, or -1. */
    int charAfter(int offset) {
        return pos + offset < text.length ? text[pos + offset] & 0xff : -1;
    }

    public boolean atEnd() {
        return pos >= text.length && partIndex == parts.size() - 1;
    }

    /** Fails unless the whole command was read. */
    public void end() throws ParseException {
        if (!atEnd()) {
            throw new ParseException("Unexpected arguments after the command");
        }
    }

    /** Consumes the expected character. */
    public void expect(char c) throws ParseException {
        if (peek() != c) {
            throw new ParseException(peek() == -1 ? "Missing argument" : "Expected '" + c + "'");
        }
        pos++;
    }

    public void sp() throws ParseException {
        if (peek() != ' ') {
            throw new ParseException(peek() == -1 ? "Missing argument" : "Expected a space");
        }
        pos++;
    }

    /** Consumes {@code c} when it is next. */
    public boolean accept(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Reads one or more characters accepted by {@code accepts}. */
    String token(java.util.function.IntPredicate accepts, String what) throws ParseException {
        int start = pos;
        while (pos < text.length && accepts.test(text[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new ParseException(peek() == -1 ? "Missing argument" : "Invalid characters in " + what);
        }
        return new String(text, start, pos - start, StandardCharsets.UTF_8);
    }

    /**
     * {@code literal = "{" number ["+"] "}" CRLF *CHAR8}, or with {@code binaryAllowed} also
     * {@code literal8 = "~{" number ["+"] "}" CRLF *OCTET} (RFC 3516). The marker must end the
     * line; the cursor moves to the text after the literal data.
     */
    public Literal literal(boolean binaryAllowed) throws ParseException {
        boolean binary = accept('~');
        if (binary && !binaryAllowed) {
            throw new ParseException("Binary literal not allowed here");
        }
        expect('{');
        int start = pos;
        while (pos < text.length && text[pos] >= '0' && text[pos] <= '9') {
            pos++;
        }
        int digits = pos - start;
        accept('+');
        if (digits == 0 || digits > 18 || peek() != '}' || pos + 1 != text.length) {
            throw new ParseException("Invalid literal");
        }
        if (partIndex + 1 >= parts.size() || !(parts.get(partIndex + 1) instanceof Literal literal)
                || literal.binary() != binary) {
            throw new ParseException("Invalid literal");
        }
        partIndex += 2;
        if (partIndex < parts.size()) {
            text = ((Command.Text) parts.get(partIndex)).bytes();
        } else {
            partIndex = parts.size() - 1;
            text = new byte[0];
        }
        pos = 0;
        return literal;
    }

    /** {@code number}: an unsigned 32-bit number. */
    public long number() throws ParseException {
        return number(0xffff_ffffL, "Invalid number");
    }

    /** {@code nz-number}. */
    public long nzNumber() throws ParseException {
        long n = number();
        if (n == 0) {
            throw new ParseException("Expected a non-zero number");
        }
        return n;
    }

    /** {@code mod-sequence-value}: 1*DIGIT up to 2^63-1 (RFC 7162 7). */
    public long number64() throws ParseException {
        return number(Long.MAX_VALUE, "Invalid mod-sequence value");
    }

    private long number(long max, String error) throws ParseException {
        int start = pos;
        long n = 0;
        while (pos < text.length && text[pos] >= '0' && text[pos] <= '9') {
            int d = text[pos++] - '0';
            if (n > (max - d) / 10) {
                throw new ParseException(error);
            }
            n = n * 10 + d;
        }
        if (pos == start) {
            throw new ParseException(peek() == -1 ? "Missing argument" : error);
        }
        return n;
    }
}
