package org.loftmail.imap.impl.request;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code search-key} (RFC 3501 6.4.4, MODSEQ of RFC 7162 3.1.5), reduced to a few shapes: FROM,
 * TO, CC, BCC and SUBJECT are {@link Header} keys; ANSWERED, KEYWORD, UNSEEN, OLD and the like
 * are {@link HasFlag} keys; NEW is {@code \Recent} and not {@code \Seen}; a list of keys is an
 * {@link And}.
 */
public sealed interface SearchKey {

    /** {@code ALL}. */
    record All() implements SearchKey {
    }

    /** A system flag or keyword is set ({@code present}) or not. */
    record HasFlag(String flag, boolean present) implements SearchKey {
    }

    /** {@code HEADER field value}: the header field contains the value (empty: field exists). */
    record Header(String field, String value) implements SearchKey {
    }

    /** {@code BODY value} ({@code bodyOnly}) or {@code TEXT value} (header and body). */
    record Text(String value, boolean bodyOnly) implements SearchKey {
    }

    /** BEFORE/ON/SINCE (internal date) and SENTBEFORE/SENTON/SENTSINCE (Date: header). */
    record Date(DateField field, Comparison comparison, LocalDate date) implements SearchKey {
    }

    /** {@code LARGER n} or {@code SMALLER n}. */
    record Size(boolean larger, long size) implements SearchKey {
    }

    /** {@code sequence-set}. */
    record Sequence(SequenceSet set) implements SearchKey {
    }

    /** {@code UID sequence-set}. */
    record Uid(SequenceSet set) implements SearchKey {
    }

    /**
     * {@code MODSEQ [SP entry-name SP entry-type-req] SP mod-sequence-valzer}; entry name and type
     * are null when absent.
     */
    record ModSeq(String entryName, String entryType, long modSeq) implements SearchKey {
    }

    /** {@code NOT key}. */
    record Not(SearchKey key) implements SearchKey {
    }

    /** {@code OR key key}. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    /** Keys that must all match: the top-level list, or {@code "(" search-key *(SP search-key) ")"}. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    /** Which date a date key compares. */
    enum DateField {
        INTERNAL, SENT
    }

    /** BEFORE, ON or SINCE. */
    enum Comparison {
        BEFORE, ON, SINCE
    }
}
