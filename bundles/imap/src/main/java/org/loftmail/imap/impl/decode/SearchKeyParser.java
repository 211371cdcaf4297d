package org.loftmail.imap.impl.decode;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchKey.Comparison;
import org.loftmail.imap.impl.request.SearchKey.DateField;

/**
 * {@code search-key} (RFC 3501 9 and 6.4.4; MODSEQ RFC 7162 3.1.5). String arguments are
 * decoded with the command's CHARSET.
 */
final class SearchKeyParser {

    private final ImapReader r;
    private final Charset charset;

    SearchKeyParser(ImapReader reader, Charset charset) {
        this.r = reader;
        this.charset = charset;
    }

    /** {@code 1*(SP search-key)} up to the end of the command, as one key. */
    SearchKey keys() throws ParseException {
        List<SearchKey> keys = new ArrayList<>();
        do {
            r.sp();
            keys.add(key());
        } while (!r.atEnd());
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    SearchKey key() throws ParseException {
        if (SequenceSetParser.startsHere(r)) {
            return new SearchKey.Sequence(SequenceSetParser.read(r));
        }
        if (r.accept('(')) {
            List<SearchKey> keys = new ArrayList<>();
            do {
                keys.add(key());
            } while (r.accept(' '));
            r.expect(')');
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        String name = r.keyword();
        return switch (name) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "SEEN", "RECENT" -> flag(name, true);
            case "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN" -> flag(name.substring(2), false);
            case "NEW" -> new SearchKey.And(List.of(flag("RECENT", true), flag("SEEN", false)));
            case "OLD" -> flag("RECENT", false);
            case "KEYWORD" -> new SearchKey.HasFlag(argAtom(), true);
            case "UNKEYWORD" -> new SearchKey.HasFlag(argAtom(), false);
            case "BCC", "CC", "FROM", "SUBJECT", "TO" -> new SearchKey.Header(name, arg());
            case "HEADER" -> header();
            case "BODY" -> new SearchKey.Text(arg(), true);
            case "TEXT" -> new SearchKey.Text(arg(), false);
            case "BEFORE" -> date(DateField.INTERNAL, Comparison.BEFORE);
            case "ON" -> date(DateField.INTERNAL, Comparison.ON);
            case "SINCE" -> date(DateField.INTERNAL, Comparison.SINCE);
            case "SENTBEFORE" -> date(DateField.SENT, Comparison.BEFORE);
            case "SENTON" -> date(DateField.SENT, Comparison.ON);
            case "SENTSINCE" -> date(DateField.SENT, Comparison.SINCE);
            case "LARGER" -> size(true);
            case "SMALLER" -> size(false);
            case "UID" -> {
                r.sp();
                yield new SearchKey.Uid(SequenceSetParser.read(r));
            }
            case "NOT" -> {
                r.sp();
                yield new SearchKey.Not(key());
            }
            case "OR" -> or();
            case "MODSEQ" -> modSeq();
            default -> throw new ParseException("Unknown search key " + name);
        };
    }

    private static SearchKey flag(String name, boolean present) {
        return new SearchKey.HasFlag("\\" + name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT), present);
    }

    private String argAtom() throws ParseException {
        r.sp();
        return r.atom();
    }

    private String arg() throws ParseException {
        r.sp();
        return new String(r.astringBytes(), charset);
    }

    private SearchKey header() throws ParseException {
        String field = arg();
        return new SearchKey.Header(field.toUpperCase(Locale.ROOT), arg());
    }

    private SearchKey date(DateField field, Comparison comparison) throws ParseException {
        r.sp();
        return new SearchKey.Date(field, comparison, DateParser.date(r));
    }

    private SearchKey size(boolean larger) throws ParseException {
        r.sp();
        return new SearchKey.Size(larger, r.number());
    }

    private SearchKey or() throws ParseException {
        r.sp();
        SearchKey left = key();
        r.sp();
        return new SearchKey.Or(left, key());
    }

    /** {@code "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer}. */
    private SearchKey modSeq() throws ParseException {
        r.sp();
        String entry = null;
        String type = null;
        if (r.peek() == '"') {
            entry = r.quoted();
            r.sp();
            type = r.keyword().toLowerCase(Locale.ROOT);
            if (!type.equals("priv") && !type.equals("shared") && !type.equals("all")) {
                throw new ParseException("Invalid MODSEQ entry type");
            }
            r.sp();
        }
        return new SearchKey.ModSeq(entry, type, r.number64());
    }
}
