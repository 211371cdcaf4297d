package org.loftmail.imap.impl.search;

import java.io.IOException;
import java.io.Reader;

/**
 * Looks for several folded search strings at once in streamed text, one segment (a part body,
 * a header field) at a time, holding only one chunk plus the last few characters of the one
 * before. A match never spans two segments, like in Dovecot where each part is searched apart.
 */
final class NeedleScanner {

    private static final int CHUNK = 8192;

    private final String[] needles;
    private final boolean[] headerToo;
    private final boolean[] found;
    private final int keep;
    private int remaining;

    /**
     * @param needles   folded search strings, none empty
     * @param headerToo per needle: whether it is also looked for in header fields (TEXT) or only in
     *                  body text (BODY)
     */
    NeedleScanner(String[] needles, boolean[] headerToo) {
        this.needles = needles;
        this.headerToo = headerToo;
        this.found = new boolean[needles.length];
        int max = 1;
        for (String n : needles) {
            max = Math.max(max, n.length());
        }
        this.keep = max - 1;
        this.remaining = needles.length;
    }

    boolean found(int needle) {
        return found[needle];
    }

    /** Whether every needle has been found, so that reading on is useless. */
    boolean done() {
        return remaining == 0;
    }

    /** Looks in one header field line ({@code Name: value}, decoded and unfolded). */
    void header(String field) {
        if (!anyForHeaders()) {
            return;
        }
        String folded = CaseFold.fold(field);
        for (int i = 0; i < needles.length; i++) {
            if (headerToo[i] && !found[i] && folded.contains(needles[i])) {
                hit(i);
            }
        }
    }

    /** Whether some needle not yet found is looked for in headers. */
    boolean anyForHeaders() {
        for (int i = 0; i < needles.length; i++) {
            if (headerToo[i] && !found[i]) {
                return true;
            }
        }
        return false;
    }

    /** Looks in body text, read in chunks until the end or until every needle is found. */
    void body(Reader text) throws IOException {
        char[] buf = new char[CHUNK];
        int len = 0;
        String tail = "";
        while (!done()) {
            int n = text.read(buf, len, buf.length - len);
            boolean end = n < 0;
            if (!end) {
                len += n;
                if (len < buf.length) {
                    continue; // fill the chunk first
                }
            }
            int cut = end ? len : CaseFold.safeCut(buf, len);
            String folded = CaseFold.fold(buf, 0, cut);
            String window = tail.isEmpty() ? folded : tail + folded;
            for (int i = 0; i < needles.length; i++) {
                if (!found[i] && window.contains(needles[i])) {
                    hit(i);
                }
            }
            if (end) {
                return;
            }
            tail = window.length() > keep ? window.substring(window.length() - keep) : window;
            System.arraycopy(buf, cut, buf, 0, len - cut);
            len -= cut;
        }
    }

    private void hit(int i) {
        found[i] = true;
        remaining--;
    }
}
