package org.loftmail.imap.impl.decode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.loftmail.imap.impl.request.AppendMessage;
import org.loftmail.imap.impl.request.AppendRequest;

/**
 * {@code append = "APPEND" SP mailbox 1*append-message}, {@code append-message = [SP flag-list]
 * [SP date-time] SP append-data}, {@code append-data = literal / literal8} (RFC 3501 6.3.11,
 * MULTIAPPEND RFC 3502, BINARY RFC 3516). The literal is handed over as it is, never read here.
 */
final class AppendParser {

    private AppendParser() {
    }

    static AppendRequest append(String tag, ImapReader r) throws ParseException {
        r.sp();
        String mailbox = r.mailbox();
        List<AppendMessage> messages = new ArrayList<>();
        do {
            r.sp();
            messages.add(message(r));
        } while (!r.atEnd());
        return new AppendRequest(tag, mailbox, messages);
    }

    private static AppendMessage message(ImapReader r) throws ParseException {
        List<String> flags = List.of();
        OffsetDateTime date = null;
        if (r.peek() == '(') {
            flags = FlagParser.flagList(r);
            r.sp();
        }
        if (r.peek() == '"') {
            date = DateParser.dateTime(r);
            r.sp();
        }
        if (r.peek() != '{' && r.peek() != '~') {
            throw new ParseException(r.peek() == -1 ? "Missing message literal" : "Expected a message literal");
        }
        return new AppendMessage(flags, date, r.literal(true));
    }
}
