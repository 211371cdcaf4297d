package org.loftmail.imap.impl.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchKey.Comparison;
import org.loftmail.imap.impl.request.SearchKey.DateField;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;

/** Search keys written as the parser gives them (see SearchKeyParser). */
final class Keys {

    private Keys() {
    }

    static SearchKey all() {
        return new SearchKey.All();
    }

    static SearchKey flag(String name) {
        return new SearchKey.HasFlag(name, true);
    }

    static SearchKey unflag(String name) {
        return new SearchKey.HasFlag(name, false);
    }

    /** NEW as the parser gives it. */
    static SearchKey newKey() {
        return and(flag("\\Recent"), unflag("\\Seen"));
    }

    /** OLD as the parser gives it. */
    static SearchKey old() {
        return unflag("\\Recent");
    }

    static SearchKey header(String field, String value) {
        return new SearchKey.Header(field, value);
    }

    static SearchKey body(String value) {
        return new SearchKey.Text(value, true);
    }

    static SearchKey text(String value) {
        return new SearchKey.Text(value, false);
    }

    static SearchKey date(DateField field, Comparison c, String isoDate) {
        return new SearchKey.Date(field, c, LocalDate.parse(isoDate));
    }

    static SearchKey before(String d) {
        return date(DateField.INTERNAL, Comparison.BEFORE, d);
    }

    static SearchKey on(String d) {
        return date(DateField.INTERNAL, Comparison.ON, d);
    }

    static SearchKey since(String d) {
        return date(DateField.INTERNAL, Comparison.SINCE, d);
    }

    static SearchKey sentBefore(String d) {
        return date(DateField.SENT, Comparison.BEFORE, d);
    }

    static SearchKey sentOn(String d) {
        return date(DateField.SENT, Comparison.ON, d);
    }

    static SearchKey sentSince(String d) {
        return date(DateField.SENT, Comparison.SINCE, d);
    }

    static SearchKey larger(long n) {
        return new SearchKey.Size(true, n);
    }

    static SearchKey smaller(long n) {
        return new SearchKey.Size(false, n);
    }

    static SearchKey seq(String set) {
        return new SearchKey.Sequence(set(set));
    }

    static SearchKey uid(String set) {
        return new SearchKey.Uid(set(set));
    }

    static SearchKey modseq(long n) {
        return new SearchKey.ModSeq(null, null, n);
    }

    static SearchKey not(SearchKey k) {
        return new SearchKey.Not(k);
    }

    static SearchKey or(SearchKey a, SearchKey b) {
        return new SearchKey.Or(a, b);
    }

    static SearchKey and(SearchKey... keys) {
        return new SearchKey.And(List.of(keys));
    }

    /** {@code sequence-set} or {@code $}. */
    static SequenceSet set(String s) {
        if (s.equals("$")) {
            return SequenceSet.SAVED;
        }
        List<Range> ranges = new ArrayList<>();
        for (String r : s.split(",")) {
            int colon = r.indexOf(':');
            if (colon < 0) {
                ranges.add(Range.single(n(r)));
            } else {
                ranges.add(new Range(n(r.substring(0, colon)), n(r.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges, false);
    }

    private static long n(String s) {
        return s.equals("*") ? Range.STAR : Long.parseLong(s);
    }
}
