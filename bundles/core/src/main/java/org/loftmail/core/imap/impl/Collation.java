package org.loftmail.core.imap.impl;

import java.text.Normalizer;

/**
 * The i;unicode-casemap collation (RFC 5051) that Dovecot uses for SORT and THREAD strings:
 * each character titlecased, then NFKD-decomposed, compared by code point. "Émile" thus sorts
 * between "Eve" and "Fay", like in Dovecot.
 */
public final class Collation {
    private Collation() {
    }

    public static int compare(String a, String b) {
        return compareKeys(key(a), key(b));
    }

    /** The comparison key of a string; equal keys mean equal strings under this collation. */
    public static String key(String s) {
        if (ascii(s)) {
            // titlecase of ASCII is uppercase, and NFKD leaves ASCII alone
            return s.toUpperCase(java.util.Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toTitleCase(cp)));
        return Normalizer.normalize(out, Normalizer.Form.NFKD);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Compares two results of {@link #key} by code point. */
    public static int compareKeys(String a, String b) {
        // code unit order is code point order until a surrogate is involved
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    return compareCodePoints(a, b);
                }
                return ca < cb ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
