package org.loftmail.auth.sql.impl;

/**
 * Escapes a value for use inside a single-quoted MySQL string literal, as Dovecot's
 * {@code sql_escape_string} does for %-variables in queries: a user name holding {@code '} or
 * {@code \} must not end the literal.
 */
public final class SqlEscaping {

    private SqlEscaping() {
    }

    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u001a' -> out.append("\\Z");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
