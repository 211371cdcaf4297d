package org.loftmail.imap.impl.search;

import java.text.Normalizer;
import java.util.Arrays;

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
        String str = s.toString();
        return fold(str.toCharArray(), 0, str.length());
    }

    /** Folds {@code len} characters of {@code a} from {@code off}. */
    static String fold(char[] a, int off, int len) {
        int stop = off + len;
        boolean ascii = true;
        for (int i = off; i < stop; i++) {
            if (a[i] >= 0x80) {
                ascii = false;
                break;
            }
        }
        char[] out = new char[len + (ascii ? 0 : 16)];
        int o = 0;
        int i = off;
        while (i < stop) {
            char c = a[i];
            if (c < 0x80) {
                if (o == out.length) {
                    out = Arrays.copyOf(out, out.length * 2 + 16);
                }
                out[o++] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
                i++;
                continue;
            }
            int end = i + 1;
            while (end < stop && (Character.isLowSurrogate(a[end]) || isMark(a[end]))) {
                end++;
            }
            // a character standing alone (the next one is a starter) folds the same on its own:
            // NFKD only reorders runs of combining marks, which never cross a starter
            String f = end == i + 1 && !Character.isSurrogate(c) ? foldChar(c) : foldSlowly(new String(a, i, end - i));
            if (o + f.length() > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, o + f.length()) + 16);
            }
            f.getChars(0, f.length(), out, o);
            o += f.length();
            i = end;
        }
        return new String(out, 0, o);
    }

    /** Folded forms of single BMP characters, filled as they are met (benign races: strings are immutable). */
    private static final String[] BMP = new String[0x10000];

    private static String foldChar(char c) {
        String f = BMP[c];
        if (f == null) {
            f = foldSlowly(String.valueOf(c));
            BMP[c] = f;
        }
        return f;
    }

    private static String foldSlowly(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
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
