package org.loftmail.imap.impl.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.CreateRequest;
import org.loftmail.imap.impl.request.DeleteRequest;
import org.loftmail.imap.impl.request.RenameRequest;
import org.loftmail.imap.impl.request.StatusItem;
import org.loftmail.imap.impl.request.StatusRequest;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.WireNames;

/** CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE and STATUS (RFC 3501 6.3.3-6.3.7, 6.3.10; STATUS=SIZE RFC 8438). */
final class MailboxCommands {

    private MailboxCommands() {
    }

    /** The storage name of a mailbox name from the wire. */
    static String name(ImapSession s, String wire) throws StorageException {
        try {
            return WireNames.fromWire(wire, separator(s));
        } catch (IllegalArgumentException e) {
            throw new StorageException(StorageError.INVALID_NAME, "Mailbox name is not valid mUTF-7");
        }
    }

    static char separator(ImapSession s) {
        return s.mailboxes().namespaces().get(0).separator();
    }

    static StatusResponse create(ImapSession s, CreateRequest r) throws StorageException {
        String name = name(s, r.mailbox());
        char sep = separator(s);
        while (name.length() > 1 && name.charAt(name.length() - 1) == sep) {
            name = name.substring(0, name.length() - 1);
        }
        s.mailboxes().create(name);
        return StatusResponse.ok(r.tag(), "Create completed.");
    }

    static StatusResponse delete(ImapSession s, DeleteRequest r) throws StorageException {
        String name = name(s, r.mailbox());
        if (s.selected() != null && s.selected().name().equals(name)) {
            s.closeSelected();
        }
        try {
            s.mailboxes().delete(name);
        } catch (StorageException e) {
            if (e.error() != StorageError.HAS_CHILDREN) {
                throw e;
            }
            // RFC 3501 6.3.4: a mailbox with inferiors may be deleted: its messages go, the
            // children stay (Dovecot with maildir keeps the name, as here)
            try (var view = s.mailboxes().open(name, false)) {
                if (view.size() > 0) {
                    view.store(view.uidsOfSequences(1, view.size()),
                            org.loftmail.api.storage.FlagChange.add(org.loftmail.api.storage.Flags.of(
                                    org.loftmail.api.storage.Flag.DELETED)));
                    view.expunge(null);
                }
            }
        }
        return StatusResponse.ok(r.tag(), "Delete completed.");
    }

    static StatusResponse rename(ImapSession s, RenameRequest r) throws StorageException {
        s.mailboxes().rename(name(s, r.from()), name(s, r.to()));
        return StatusResponse.ok(r.tag(), "Rename completed.");
    }

    static StatusResponse subscribe(ImapSession s, String tag, String mailbox, boolean on) throws StorageException {
        String name = name(s, mailbox);
        if (on && s.mailboxes().list("", name, false).stream().noneMatch(m -> m.name().equals(name)
                && !m.has(org.loftmail.api.storage.MailboxAttribute.NONEXISTENT))) {
            // RFC 3501 6.3.6 lets the server check; Dovecot refuses a name that does not exist
            return StatusResponse.no(tag, org.loftmail.imap.impl.encode.ResponseCode.NONEXISTENT,
                    "Mailbox doesn't exist: " + mailbox);
        }
        s.mailboxes().subscribe(name, on);
        return StatusResponse.ok(tag, on ? "Subscribe completed." : "Unsubscribe completed.");
    }

    static StatusResponse status(ImapSession s, StatusRequest r) throws StorageException {
        String name = name(s, r.mailbox());
        writeStatus(s, name, r.items());
        return StatusResponse.ok(r.tag(), "Status completed.");
    }

    /** {@code * STATUS name (...)} with the items in the order asked. */
    static void writeStatus(ImapSession s, String name, List<StatusItem> items) throws StorageException {
        MailboxStatus st = s.mailboxes().status(name);
        Map<StatusItem, Long> values = new LinkedHashMap<>();
        // items in Dovecot's fixed order (the enum's), whatever order they were asked in
        for (StatusItem i : new java.util.TreeSet<>(items)) {
            values.put(i, switch (i) {
                case MESSAGES -> st.messages();
                case RECENT -> st.recent();
                case UIDNEXT -> st.uidNext();
                case UIDVALIDITY -> st.uidValidity();
                case UNSEEN -> st.unseen();
                case HIGHESTMODSEQ -> st.highestModseq();
                case SIZE -> st.size();
            });
        }
        s.out().status(WireNames.toWire(name), values);
    }
}
