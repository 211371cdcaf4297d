package org.loftmail.imap.impl.encode;

/**
 * The quoted-or-literal choice for strings sent to the client, as Dovecot makes it: a string
 * with 8-bit bytes, CR, LF or NUL goes as a literal; otherwise it is quoted, with {@code "} and
 * {@code \} escaped (RFC 3501 9: {@code QUOTED-CHAR}).
 */
public final class Strings {

    private Strings() {
    }

    public static boolean needsLiteral(byte[] utf8) {
        for (byte b : utf8) {
            if (b < 0 || b == '\r' || b == '\n' || b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text can go as an atom (ASTRING-CHARs only, not empty, not NIL). */
    public static boolean isAtom(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("NIL")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The quoted form; only for strings where {@link #needsLiteral} is false. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
