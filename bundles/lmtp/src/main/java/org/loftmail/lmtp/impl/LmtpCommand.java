package org.loftmail.lmtp.impl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One LMTP command line split into verb and argument, and the path of MAIL FROM / RCPT TO with
 * its ESMTP parameters (RFC 5321 4.1.1, 4.1.2).
 */
record LmtpCommand(String verb, String argument) {

    static LmtpCommand parse(String line) {
        int sp = line.indexOf(' ');
        String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        return new LmtpCommand(verb, sp < 0 ? "" : line.substring(sp + 1));
    }

    /** {@code FROM:<path> params} or {@code TO:<path> params}. */
    record Path(String address, Map<String, String> parameters) {
    }

    /** A syntax error: the reply text says what was wrong. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** Parses {@code keyword:<address> [params]} where keyword is FROM or TO. */
    Path path(String keyword) throws SyntaxException {
        String a = argument.trim();
        if (!a.regionMatches(true, 0, keyword + ":", 0, keyword.length() + 1)) {
            throw new SyntaxException("Invalid parameters");
        }
        a = a.substring(keyword.length() + 1).trim();
        if (!a.startsWith("<")) {
            throw new SyntaxException("Invalid " + keyword + " address: missing <");
        }
        int end = a.indexOf('>');
        if (end < 0) {
            throw new SyntaxException("Invalid " + keyword + " address: missing >");
        }
        String address = a.substring(1, end);
        if (address.startsWith("@") && address.contains(":")) {
            address = address.substring(address.indexOf(':') + 1); // source route (RFC 5321 C)
        }
        if (address.chars().anyMatch(c -> c < 0x20 || c == ' ')) {
            throw new SyntaxException("Invalid " + keyword + " address");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : a.substring(end + 1).trim().split(" +")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            params.put((eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT), eq < 0 ? "" : p.substring(eq + 1));
        }
        return new Path(address, params);
    }
}
