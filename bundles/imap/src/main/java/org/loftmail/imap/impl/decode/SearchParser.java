package org.loftmail.imap.impl.decode;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchRequest;
import org.loftmail.imap.impl.request.SearchReturn;

/**
 * {@code search = "SEARCH" [search-return-opts] [SP "CHARSET" SP astring] 1*(SP search-key)}
 * (RFC 3501 6.4.4, ESEARCH RFC 4731 3.1, SEARCHRES RFC 5182). An unknown charset is not a
 * syntax error: the processor answers {@code NO [BADCHARSET]}.
 */
final class SearchParser {

    private SearchParser() {
    }

    static SearchRequest search(String tag, ImapReader r, boolean uid) throws ParseException {
        Set<SearchReturn> returns = null;
        String charset = null;
        if (peekKeyword(r, " RETURN ")) {
            returns = returnOptions(r);
        }
        if (peekKeyword(r, " CHARSET ")) {
            r.sp();
            r.keyword();
            r.sp();
            charset = r.astring();
        }
        SearchKey key = new SearchKeyParser(r, charsetFor(charset)).keys();
        return new SearchRequest(tag, uid, charset, key, returns);
    }

    /** {@code SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"}. */
    static Set<SearchReturn> returnOptions(ImapReader r) throws ParseException {
        r.sp();
        r.keyword();
        r.sp();
        r.expect('(');
        Set<SearchReturn> returns = EnumSet.noneOf(SearchReturn.class);
        if (!r.accept(')')) {
            do {
                String name = r.keyword();
                try {
                    returns.add(SearchReturn.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new ParseException(null, "Unknown RETURN option " + name, e);
                }
            } while (r.accept(' '));
            r.expect(')');
        }
        if (returns.isEmpty()) {
            returns.add(SearchReturn.ALL); // RFC 4731 3.1: RETURN () means RETURN (ALL)
        }
        return returns;
    }

    /** The charset to decode strings with; UTF-8 (of which US-ASCII is a part) when unknown. */
    static Charset charsetFor(String name) {
        try {
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
        } catch (IllegalCharsetNameException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Whether the text ahead starts with the keyword (with its spaces), in any case. */
    static boolean peekKeyword(ImapReader r, String keyword) {
        return r.lookingAt(keyword.toUpperCase(Locale.ROOT));
    }
}
