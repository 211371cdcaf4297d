package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;

/**
 * {@code sequence-set = (seq-number / seq-range) ["," sequence-set]}, {@code seq-number =
 * nz-number / "*"}, {@code seq-range = seq-number ":" seq-number} (RFC 3501 9), or {@code "$"}
 * (RFC 5182).
 */
final class SequenceSetParser {

    private static final String INVALID = "Invalid sequence set";

    private SequenceSetParser() {
    }

    static SequenceSet read(ImapReader reader) throws ParseException {
        String token = reader.token(c -> c >= '0' && c <= '9' || c == '*' || c == ':' || c == ','
                || c == '$', "sequence set");
        return parse(token);
    }

    /** Whether the next token can start a sequence set (search keys begin with letters). */
    static boolean startsHere(ImapReader reader) {
        int c = reader.peek();
        return c >= '0' && c <= '9' || c == '*' || c == '$';
    }

    static SequenceSet parse(String token) throws ParseException {
        if (token.equals("$")) {
            return SequenceSet.SAVED;
        }
        List<Range> ranges = new ArrayList<>();
        for (String item : token.split(",", -1)) {
            int colon = item.indexOf(':');
            if (colon < 0) {
                ranges.add(Range.single(seqNumber(item)));
            } else {
                ranges.add(new Range(seqNumber(item.substring(0, colon)), seqNumber(item.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges, false);
    }

    private static long seqNumber(String s) throws ParseException {
        if (s.equals("*")) {
            return Range.STAR;
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException(INVALID);
        }
        long n = Long.parseLong(s);
        if (n == 0 || n > 0xffff_ffffL) {
            throw new ParseException(INVALID);
        }
        return n;
    }
}
