package org.loftmail.imap.impl.decode;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Literal;

/**
 * The IMAP tokenizer over a framed {@link Command}: a cursor over its text parts that steps over
 * literals where a string is read. Grammar references are to RFC 3501 section 9. Every method
 * throws {@link ParseException} with a client-readable reason; none of them reads a literal's
 * data unless a string is asked for (APPEND asks for the {@link Literal} itself).
 */
public final class ImapReader extends CommandCursor {

    private static final int MAX_STRING_LITERAL = 64 * 1024;

    public ImapReader(Command command) {
        super(command);
    }

    /** {@code atom}: one or more ATOM-CHARs, as given. */
    public String atom() throws ParseException {
        return chars(CharClass.ATOM, "atom");
    }

    /** An atom in upper case, for keywords. */
    public String keyword() throws ParseException {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** {@code tag}: ASTRING-CHARs except "+". */
    public String tag() throws ParseException {
        return chars(CharClass.TAG, "tag");
    }

    /** Reads one or more characters of the given class. */
    String chars(CharClass cls, String what) throws ParseException {
        return token(cls::accepts, what);
    }

    /** {@code astring = 1*ASTRING-CHAR / string}. */
    public String astring() throws ParseException {
        return startsString() ? string() : chars(CharClass.ASTRING, "atom");
    }

    /** {@code nstring = string / nil}; null for NIL. */
    public String nstring() throws ParseException {
        if (startsString()) {
            return string();
        }
        if (!atom().equalsIgnoreCase("NIL")) {
            throw new ParseException("Expected a string or NIL");
        }
        return null;
    }

    /** Whether a quoted string or a literal ({@code ~{} included, to refuse it clearly) is next. */
    private boolean startsString() {
        int c = peek();
        return c == '"' || c == '{' || c == '~' && charAfter(1) == '{';
    }

    /** {@code string = quoted / literal}, in UTF-8. */
    public String string() throws ParseException {
        return utf8(stringBytes());
    }

    /** {@code astring} as raw bytes, for arguments in a client-named charset (SEARCH). */
    public byte[] astringBytes() throws ParseException {
        return startsString() ? stringBytes() : chars(CharClass.ASTRING, "atom").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code string} as raw bytes. */
    public byte[] stringBytes() throws ParseException {
        if (peek() == '"') {
            return quotedBytes();
        }
        Literal literal = literal(false);
        if (literal.size() > MAX_STRING_LITERAL) {
            throw new ParseException("Literal too large for a string argument");
        }
        try {
            return literal.bytes();
        } catch (IOException e) {
            throw new ParseException(null, "Literal data unavailable", e);
        }
    }

    /** {@code quoted}: DQUOTE *QUOTED-CHAR DQUOTE with {@code \"} and {@code \\} escapes. */
    public String quoted() throws ParseException {
        return utf8(quotedBytes());
    }

    private byte[] quotedBytes() throws ParseException {
        expect('"');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            int c = peek();
            if (c == -1) {
                throw new ParseException("Missing '\"'");
            }
            skip();
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                c = peek();
                if (c != '"' && c != '\\') {
                    throw new ParseException("Invalid escape in quoted string");
                }
                skip();
            } else if (c == '\r' || c == '\n' || c == 0) {
                throw new ParseException("Invalid characters in quoted string");
            }
            out.write(c);
        }
    }

    /** {@code mailbox = "INBOX" / astring}; INBOX in any case becomes "INBOX". */
    public String mailbox() throws ParseException {
        String name = astring();
        return name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
    }

    /** {@code list-mailbox = 1*list-char / string} (atom chars plus % * ]). */
    public String listMailbox() throws ParseException {
        return startsString() ? string() : chars(CharClass.LIST, "mailbox pattern");
    }

    private static String utf8(byte[] bytes) throws ParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ParseException(null, "Invalid UTF-8 in string", e);
        }
    }
}
