package org.loftmail.pop3.impl.process;

import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.pop3.impl.session.Maildrop;
import org.loftmail.pop3.impl.session.Pop3Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TRANSACTION commands over the listing: STAT, LIST, DELE, RSET (RFC 1939 section 5), UIDL
 * (section 7) and, with {@code pop3_enable_last}, LAST (RFC 1460). Sizes count every line end
 * as CRLF, as the messages are sent.
 */
final class MaildropCommands {

    private static final Logger LOG = LoggerFactory.getLogger(MaildropCommands.class);

    private MaildropCommands() {
    }

    static boolean stat(Pop3Session s) {
        Maildrop m = s.maildrop();
        s.out().ok((m.count() - m.deletedCount()) + " " + (m.totalSize() - m.deletedSize()));
        return true;
    }

    static boolean list(Pop3Session s, String args) {
        Maildrop m = s.maildrop();
        if (args.isEmpty()) {
            s.out().ok((m.count() - m.deletedCount()) + " messages:");
            for (int n = 1; n <= m.count(); n++) {
                if (!m.isDeleted(n)) {
                    s.out().line(n + " " + m.entry(n).size());
                }
            }
            s.out().end();
            return true;
        }
        MessageNumbers.Checked c = MessageNumbers.check(s, args, false);
        if (c == null) {
            return false;
        }
        s.out().ok(c.number() + " " + m.entry(c.number()).size());
        return true;
    }

    static boolean uidl(Pop3Session s, String args) {
        Maildrop m = s.maildrop();
        String format = s.settings().uidlFormat();
        if (args.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            try {
                for (int n = 1; n <= m.count(); n++) {
                    if (!m.isDeleted(n)) {
                        lines.append(n).append(' ').append(m.uidl(n, format)).append("\r\n");
                    }
                }
            } catch (StorageException e) {
                return uidlFailed(s, e);
            }
            s.out().ok("");
            s.out().bytes(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.out().end();
            return true;
        }
        MessageNumbers.Checked c = MessageNumbers.check(s, args, false);
        if (c == null) {
            return false;
        }
        try {
            s.out().ok(c.number() + " " + m.uidl(c.number(), format));
        } catch (StorageException e) {
            return uidlFailed(s, e);
        }
        return true;
    }

    private static boolean uidlFailed(Pop3Session s, StorageException e) {
        LOG.error("user {}: UIDLs couldn't be listed: {}", s.user(), e.getMessage());
        if (e.error() == StorageError.EXPUNGED) {
            s.out().err("[SYS/TEMP] Message expunged by another session; UIDLs couldn't be listed.");
        } else {
            s.out().err(StorageErrors.text(e));
        }
        return false;
    }

    static boolean dele(Pop3Session s, String args) {
        MessageNumbers.Checked c = MessageNumbers.check(s, args, false);
        if (c == null) {
            return false;
        }
        s.maildrop().delete(c.number());
        s.out().ok("Marked to be deleted.");
        return true;
    }

    static boolean rset(Pop3Session s) {
        s.maildrop().reset();
        if (s.settings().enableLast()) {
            try {
                s.maildrop().unseeAll();
            } catch (StorageException e) {
                LOG.warn("user {}: RSET could not remove \\Seen: {}", s.user(), e.getMessage());
            }
        }
        s.out().ok("");
        return true;
    }

    static boolean last(Pop3Session s) {
        s.out().ok(Integer.toString(s.maildrop().lastSeen()));
        return true;
    }
}
