package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.FetchAttribute.Kind;
import org.loftmail.imap.impl.request.FetchAttribute.Simple;
import org.loftmail.imap.impl.request.FetchRequest;
import org.loftmail.imap.impl.request.SequenceSet;

/**
 * {@code fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att
 * *(SP fetch-att) ")") [fetch-modifiers]} (RFC 3501 6.4.5); {@code fetch-modifier =
 * "CHANGEDSINCE" SP mod-sequence-valzer / "VANISHED"} (RFC 7162 3.1.4, 3.2.6).
 */
final class FetchParser {

    private static final List<FetchAttribute> FAST = List.of(new Simple(Kind.FLAGS),
            new Simple(Kind.INTERNALDATE), new Simple(Kind.RFC822_SIZE));
    private static final List<FetchAttribute> ALL = List.of(new Simple(Kind.FLAGS),
            new Simple(Kind.INTERNALDATE), new Simple(Kind.RFC822_SIZE), new Simple(Kind.ENVELOPE));
    private static final List<FetchAttribute> FULL = List.of(new Simple(Kind.FLAGS),
            new Simple(Kind.INTERNALDATE), new Simple(Kind.RFC822_SIZE), new Simple(Kind.ENVELOPE),
            new Simple(Kind.BODY));

    private FetchParser() {
    }

    static FetchRequest fetch(String tag, ImapReader r, boolean uid) throws ParseException {
        r.sp();
        SequenceSet set = SequenceSetParser.read(r);
        r.sp();
        List<FetchAttribute> attributes = attributes(r);
        Long changedSince = null;
        boolean vanished = false;
        if (r.accept(' ')) {
            r.expect('(');
            do {
                String name = r.keyword();
                switch (name) {
                    case "CHANGEDSINCE" -> {
                        r.sp();
                        changedSince = r.number64();
                    }
                    case "VANISHED" -> vanished = true;
                    default -> throw new ParseException("Unknown FETCH modifier " + name);
                }
            } while (r.accept(' '));
            r.expect(')');
        }
        if (vanished && (!uid || changedSince == null)) {
            throw new ParseException("VANISHED needs UID FETCH with CHANGEDSINCE");
        }
        return new FetchRequest(tag, uid, set, attributes, changedSince, vanished);
    }

    private static List<FetchAttribute> attributes(ImapReader r) throws ParseException {
        if (r.accept('(')) {
            List<FetchAttribute> list = new ArrayList<>();
            do {
                list.add(FetchAttributeParser.attribute(r));
            } while (r.accept(' '));
            r.expect(')');
            return list;
        }
        if (r.lookingAt("ALL") && macroEnds(r, 3)) {
            r.atom();
            return ALL;
        }
        if (r.lookingAt("FAST") && macroEnds(r, 4)) {
            r.atom();
            return FAST;
        }
        if (r.lookingAt("FULL") && macroEnds(r, 4)) {
            r.atom();
            return FULL;
        }
        return List.of(FetchAttributeParser.attribute(r));
    }

    private static boolean macroEnds(ImapReader r, int length) {
        return r.charAfter(length) <= ' ';
    }
}
