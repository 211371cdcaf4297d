package org.loftmail.imap.impl.search;

import java.text.Normalizer;

/**
 * The i;unicode-casemap comparison form (RFC 5051) Dovecot matches SEARCH strings in: every code
 * point simple-titlecased, then NFKD-decomposed. Case and compatibility variants thus compare
 * equal ({@code "ärger"} and {@code "ÄRGER"}, {@code "ﬁ"} and {@code "fi"}); the full case
 * mappings are not used, so {@code "ß"} does not match {@code "SS"}, like in Dovecot.
 */
final class CaseFold {

    private CaseFold() {
    }

    static String fold(CharSequence s) {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            char[] out = new char[n];
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                out[i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            }
            return new String(out);
        }
        StringBuilder out = new StringBuilder(n + 8);
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toTitleCase(cp)));
        return Normalizer.normalize(out, Normalizer.Form.NFKD);
    }

    /**
     * Where a chunk of text may be cut so that folding the two halves apart gives the same as
     * folding them together: before the last character that is neither a low surrogate nor a
     * combining mark. Returns {@code length} when the whole chunk may be folded.
     */
    static int safeCut(char[] buf, int length) {
        if (length == 0) {
            return 0;
        }
        int i = length - 1;
        while (i > 0 && (Character.isLowSurrogate(buf[i]) || isMark(buf[i]))) {
            i--;
        }
        // buf[i] starts the last (possibly combining) sequence; it may still be extended
        return i == 0 ? length : i;
    }

    private static boolean isMark(char c) {
        if (c < 0x300) {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }
}
