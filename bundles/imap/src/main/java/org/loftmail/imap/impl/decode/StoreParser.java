package org.loftmail.imap.impl.decode;

import java.util.List;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.StoreRequest;
import org.loftmail.imap.impl.request.StoreRequest.Mode;

/**
 * {@code store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags},
 * {@code store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))}
 * (RFC 3501 6.4.6), {@code store-modifier = "UNCHANGEDSINCE" SP mod-sequence-valzer} (RFC 7162).
 */
final class StoreParser {

    private StoreParser() {
    }

    static StoreRequest store(String tag, ImapReader r, boolean uid) throws ParseException {
        r.sp();
        SequenceSet set = SequenceSetParser.read(r);
        r.sp();
        Long unchangedSince = null;
        if (r.accept('(')) {
            do {
                String name = r.keyword();
                if (!name.equals("UNCHANGEDSINCE")) {
                    throw new ParseException("Unknown STORE modifier " + name);
                }
                r.sp();
                unchangedSince = r.number64();
            } while (r.accept(' '));
            r.expect(')');
            r.sp();
        }
        Mode mode = r.accept('+') ? Mode.ADD : r.accept('-') ? Mode.REMOVE : Mode.REPLACE;
        String item = r.keyword();
        boolean silent = item.equals("FLAGS.SILENT");
        if (!silent && !item.equals("FLAGS")) {
            throw new ParseException("Invalid STORE data item " + item);
        }
        r.sp();
        List<String> flags = FlagParser.storeFlags(r);
        return new StoreRequest(tag, uid, set, mode, silent, flags, unchangedSince);
    }
}
