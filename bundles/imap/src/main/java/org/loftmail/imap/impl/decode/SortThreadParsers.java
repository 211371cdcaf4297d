package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchReturn;
import org.loftmail.imap.impl.request.SortCriterion;
import org.loftmail.imap.impl.request.SortKey;
import org.loftmail.imap.impl.request.SortRequest;
import org.loftmail.imap.impl.request.ThreadRequest;

/**
 * {@code sort = ["UID" SP] "SORT" [search-return-opts] SP sort-criteria SP search-criteria} and
 * {@code thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria}, with {@code
 * search-criteria = charset 1*(SP search-key)} (RFC 5256 5, ESORT RFC 5267, SORT=DISPLAY RFC 5957).
 */
final class SortThreadParsers {

    private SortThreadParsers() {
    }

    static SortRequest sort(String tag, ImapReader r, boolean uid) throws ParseException {
        Set<SearchReturn> returns = null;
        if (SearchParser.peekKeyword(r, " RETURN ")) {
            returns = SearchParser.returnOptions(r);
        }
        r.sp();
        r.expect('(');
        List<SortCriterion> criteria = new ArrayList<>();
        do {
            boolean reverse = false;
            String name = r.keyword();
            if (name.equals("REVERSE")) {
                reverse = true;
                r.sp();
                name = r.keyword();
            }
            try {
                criteria.add(new SortCriterion(SortKey.valueOf(name), reverse));
            } catch (IllegalArgumentException e) {
                throw new ParseException(null, "Unknown sort key " + name, e);
            }
        } while (r.accept(' '));
        r.expect(')');
        String charset = charset(r);
        SearchKey key = new SearchKeyParser(r, SearchParser.charsetFor(charset)).keys();
        return new SortRequest(tag, uid, criteria, charset, key, returns);
    }

    static ThreadRequest thread(String tag, ImapReader r, boolean uid) throws ParseException {
        r.sp();
        String algorithm = r.keyword();
        if (!algorithm.equals("REFERENCES") && !algorithm.equals("ORDEREDSUBJECT")) {
            throw new ParseException("Unknown thread algorithm " + algorithm);
        }
        String charset = charset(r);
        SearchKey key = new SearchKeyParser(r, SearchParser.charsetFor(charset)).keys();
        return new ThreadRequest(tag, uid, algorithm, charset, key);
    }

    /** {@code charset = atom / quoted}. */
    private static String charset(ImapReader r) throws ParseException {
        r.sp();
        return r.peek() == '"' ? r.quoted() : r.atom();
    }
}
