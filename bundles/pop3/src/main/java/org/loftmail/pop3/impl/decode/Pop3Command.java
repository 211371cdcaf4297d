package org.loftmail.pop3.impl.decode;

import java.util.Locale;

/**
 * One command line (RFC 1939 section 3): a keyword, case-insensitive, and what follows the
 * first space. {@code args} is kept as sent (PASS takes the rest of the line, spaces included);
 * {@link #trimmedArgs()} drops leading spaces as Dovecot does for the other commands.
 *
 * @param name the keyword in upper case
 * @param args the text after the first space, or "" when there is none
 */
public record Pop3Command(String name, String args) {

    public static Pop3Command parse(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return new Pop3Command(line.toUpperCase(Locale.ROOT), "");
        }
        return new Pop3Command(line.substring(0, space).toUpperCase(Locale.ROOT), line.substring(space + 1));
    }

    public String trimmedArgs() {
        int i = 0;
        while (i < args.length() && args.charAt(i) == ' ') {
            i++;
        }
        return args.substring(i);
    }

    /** For logs: never shows a password. */
    @Override
    public String toString() {
        return name.equals("PASS") || name.equals("AUTH") ? name + " ***" : name + " " + args;
    }
}
