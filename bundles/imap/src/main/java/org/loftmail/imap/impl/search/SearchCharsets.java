package org.loftmail.imap.impl.search;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;

/**
 * The SEARCH CHARSET names Loft accepts: every charset the JVM knows (Dovecot accepts every iconv
 * charset). The parser has already decoded the search strings with that charset, so the
 * evaluator only needs to know whether it is known; an unknown one is answered with
 * {@code NO [BADCHARSET (UTF-8 US-ASCII)]}.
 */
public final class SearchCharsets {

    /** The charsets listed in a {@code BADCHARSET} response code, in that order. */
    public static final List<String> ADVERTISED = List.of("UTF-8", "US-ASCII");

    private SearchCharsets() {
    }

    /** Whether {@code charset} may be used; null (no CHARSET argument) is UTF-8 and supported. */
    public static boolean supported(String charset) {
        if (charset == null) {
            return true;
        }
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
