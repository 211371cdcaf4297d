package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.imap.impl.request.CreateRequest;
import org.loftmail.imap.impl.request.DeleteRequest;
import org.loftmail.imap.impl.request.GetQuotaRootRequest;
import org.loftmail.imap.impl.request.RenameRequest;
import org.loftmail.imap.impl.request.SubscribeRequest;
import org.loftmail.imap.impl.request.UnsubscribeRequest;

/** Commands that name one or two mailboxes: CREATE DELETE RENAME (UN)SUBSCRIBE GETQUOTAROOT. */
final class MailboxParsers {

    private MailboxParsers() {
    }

    /** {@code create = "CREATE" SP mailbox [create-params]} (RFC 3501, RFC 6154 3). */
    static CreateRequest create(String tag, ImapReader r) throws ParseException {
        r.sp();
        String mailbox = r.mailbox();
        List<String> uses = new ArrayList<>();
        if (r.accept(' ')) {
            r.expect('(');
            if (!r.keyword().equals("USE")) {
                throw new ParseException("Unknown CREATE parameter");
            }
            r.sp();
            r.expect('(');
            do {
                r.expect('\\');
                uses.add("\\" + r.atom());
            } while (r.accept(' '));
            r.expect(')');
            r.expect(')');
        }
        return new CreateRequest(tag, mailbox, uses);
    }

    static DeleteRequest delete(String tag, ImapReader r) throws ParseException {
        return new DeleteRequest(tag, oneMailbox(r));
    }

    static RenameRequest rename(String tag, ImapReader r) throws ParseException {
        String from = oneMailbox(r);
        return new RenameRequest(tag, from, oneMailbox(r));
    }

    static SubscribeRequest subscribe(String tag, ImapReader r) throws ParseException {
        return new SubscribeRequest(tag, oneMailbox(r));
    }

    static UnsubscribeRequest unsubscribe(String tag, ImapReader r) throws ParseException {
        return new UnsubscribeRequest(tag, oneMailbox(r));
    }

    static GetQuotaRootRequest getQuotaRoot(String tag, ImapReader r) throws ParseException {
        return new GetQuotaRootRequest(tag, oneMailbox(r));
    }

    private static String oneMailbox(ImapReader r) throws ParseException {
        r.sp();
        return r.mailbox();
    }
}
