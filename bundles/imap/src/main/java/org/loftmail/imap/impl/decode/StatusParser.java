package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.imap.impl.request.StatusItem;
import org.loftmail.imap.impl.request.StatusRequest;

/**
 * {@code status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"} (RFC 3501 6.3.10,
 * HIGHESTMODSEQ RFC 7162, SIZE RFC 8438).
 */
final class StatusParser {

    private StatusParser() {
    }

    static StatusRequest status(String tag, ImapReader r) throws ParseException {
        r.sp();
        String mailbox = r.mailbox();
        r.sp();
        return new StatusRequest(tag, mailbox, items(r));
    }

    /** {@code "(" status-att *(SP status-att) ")"}, also used by LIST RETURN (STATUS ...). */
    static List<StatusItem> items(ImapReader r) throws ParseException {
        r.expect('(');
        List<StatusItem> items = new ArrayList<>();
        do {
            String name = r.keyword();
            try {
                items.add(StatusItem.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ParseException(null, "Unknown STATUS attribute " + name, e);
            }
        } while (r.accept(' '));
        r.expect(')');
        return items;
    }
}
