package org.loftmail.pop3.impl.decode;

/**
 * The numeric arguments of the TRANSACTION commands, parsed as Dovecot does: a message number
 * ({@code RETR 1}), optionally followed by a space and a line count ({@code TOP 1 10}). Range
 * and deletion checks belong to the maildrop and are made by the processors.
 */
public final class Arguments {

    /** A message number and what follows it (leading spaces removed). */
    public record Number(long value, String rest) {
    }

    private Arguments() {
    }

    /**
     * Parses a message number at the start of {@code args}.
     *
     * @param thenSpace whether another argument must follow (TOP)
     */
    public static Number messageNumber(String args, boolean thenSpace) throws ArgumentException {
        return number(args, thenSpace, "message number", 0xFFFF_FFFFL);
    }

    /** Parses the line count of TOP, which must end the arguments. */
    public static long lineCount(String args) throws ArgumentException {
        return number(args, false, "size", Long.MAX_VALUE).value();
    }

    /** Dovecot parses message numbers as 32-bit and sizes as 64-bit unsigned values. */
    private static Number number(String args, boolean thenSpace, String what, long max) throws ArgumentException {
        if (args.isEmpty() || args.charAt(0) < '0' || args.charAt(0) > '9') {
            throw new ArgumentException("Invalid " + what + ": " + args);
        }
        int i = 0;
        long value = 0;
        while (i < args.length() && args.charAt(i) >= '0' && args.charAt(i) <= '9') {
            int digit = args.charAt(i) - '0';
            if (value > (max - digit) / 10) {
                throw new ArgumentException(capitalized(what) + " too large: " + args);
            }
            value = value * 10 + digit;
            i++;
        }
        if (i < args.length() ? args.charAt(i) != ' ' || !thenSpace : thenSpace) {
            throw new ArgumentException("Noise after " + what + ": " + args.substring(i));
        }
        while (i < args.length() && args.charAt(i) == ' ') {
            i++;
        }
        return new Number(value, args.substring(i));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
