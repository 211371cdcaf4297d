package org.loftmail.net.impl.framing;

/**
 * A literal announcement at the end of a line: {@code {n}}, {@code {n+}}, {@code ~{n}} or
 * {@code ~{n+}}.
 */
record LiteralMarker(long size, boolean synchronizing, boolean binary) {

    private static final int MAX_DIGITS = 18;

    /** Parses the marker ending the line {@code b[from, from + len)}, or returns null. */
    static LiteralMarker parse(byte[] b, int from, int len) {
        int end = from + len;
        if (len < 3 || b[end - 1] != '}') {
            return null;
        }
        int i = end - 2;
        boolean plus = b[i] == '+';
        if (plus) {
            i--;
        }
        int digitsEnd = i + 1;
        while (i >= from && b[i] >= '0' && b[i] <= '9') {
            i--;
        }
        int digits = digitsEnd - (i + 1);
        if (digits == 0 || digits > MAX_DIGITS || i < from || b[i] != '{') {
            return null;
        }
        long size = 0;
        for (int k = i + 1; k < digitsEnd; k++) {
            size = size * 10 + (b[k] - '0');
        }
        boolean binary = i - 1 >= from && b[i - 1] == '~';
        return new LiteralMarker(size, !plus, binary);
    }
}
