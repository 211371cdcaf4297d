package org.loftmail.core.mime.impl;

/**
 * IMAP string output with Dovecot's choices: quoted where possible, a literal for CR, LF,
 * 8-bit octets or more than four quoted-specials, {@code NIL} for null, NUL as U+FFFD. Strings are Latin-1
 * (one char per octet), so literal lengths count octets.
 */
public final class ImapQuote {
    private static final int QUOTED_MAX_ESCAPE_CHARS = 4;
    /** U+FFFD as UTF-8 octets, one char per octet. */
    private static final String UTF8_REPLACEMENT_CHAR = "\u00ef\u00bf\u00bd";

    private ImapQuote() {
    }

    public static void nstring(StringBuilder out, String value) {
        if (value == null) {
            out.append("NIL");
            return;
        }
        // Dovecot stores NUL octets of header values as U+FFFD (which then needs a literal)
        String s = value.indexOf('\0') < 0 ? value : value.replace("\0", UTF8_REPLACEMENT_CHAR);
        int escapes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean literal = c == '\r' || c == '\n' || c >= 0x80
                    || ((c == '"' || c == '\\') && escapes++ >= QUOTED_MAX_ESCAPE_CHARS);
            if (literal) {
                out.append('{').append(s.length()).append("}\r\n").append(s);
                return;
            }
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Like {@link #nstring} after removing every CR and LF (unfolds header values). */
    public static void nstringNoLf(StringBuilder out, String s) {
        if (s == null || (s.indexOf('\r') < 0 && s.indexOf('\n') < 0)) {
            nstring(out, s);
            return;
        }
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\r' && c != '\n') {
                clean.append(c);
            }
        }
        nstring(out, clean.toString());
    }

    /**
     * Text for humans (subjects, display names): CR/LF dropped, runs of white space collapsed
     * to one space, leading and trailing white space removed, NUL turned into U+FFFD; a literal
     * whenever anything had to change.
     */
    public static void forHumans(StringBuilder out, String s) {
        int size = s.length();
        int remove = 0;
        int nuls = 0;
        boolean wsPrefix = true;
        boolean lastLwsp = true;
        boolean modify = false;
        for (int i = 0; i < size; i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> {
                    lastLwsp = false;
                    modify = true;
                    nuls++;
                }
                case '\t', ' ' -> {
                    if (c == '\t') {
                        modify = true;
                    }
                    if (lastLwsp) {
                        modify = true;
                        remove++;
                    }
                    lastLwsp = true;
                }
                case '\r', '\n' -> {
                    remove++;
                    modify = true;
                }
                case '"', '\\' -> {
                    modify = true;
                    lastLwsp = false;
                }
                default -> {
                    if (c >= 0x80) {
                        modify = true;
                    }
                    lastLwsp = false;
                }
            }
            if (!lastLwsp) {
                wsPrefix = false;
            }
        }
        if (lastLwsp && size > 0 && !wsPrefix) {
            modify = true;
            remove++;
        }
        if (!modify) {
            out.append('"').append(s).append('"');
            return;
        }
        if (size == remove) {
            out.append("\"\"");
            return;
        }
        out.append('{').append(size - remove + 2 * nuls).append("}\r\n");
        int start = out.length();
        lastLwsp = true;
        wsPrefix = true;
        for (int i = 0; i < size; i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> {
                    out.append(UTF8_REPLACEMENT_CHAR);
                    lastLwsp = false;
                }
                case '\t', ' ' -> {
                    if (!lastLwsp) {
                        out.append(' ');
                    }
                    lastLwsp = true;
                }
                case '\r', '\n' -> { }
                default -> {
                    lastLwsp = false;
                    out.append(c);
                }
            }
            if (!lastLwsp) {
                wsPrefix = false;
            }
        }
        if (lastLwsp && size > 0 && !wsPrefix) {
            out.setLength(out.length() - 1);
        }
        assert out.length() - start == size - remove + 2 * nuls;
    }
}
