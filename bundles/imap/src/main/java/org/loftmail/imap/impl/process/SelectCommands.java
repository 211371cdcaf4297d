package org.loftmail.imap.impl.process;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.storage.Changes;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.imap.impl.encode.FetchEncoder;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.ResponseEncoder;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.CloseRequest;
import org.loftmail.imap.impl.request.QresyncParameter;
import org.loftmail.imap.impl.request.SelectRequest;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.UnselectRequest;
import org.loftmail.imap.impl.session.FlagNames;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.Selected;

/**
 * SELECT and EXAMINE (RFC 3501 6.3.1-2, CONDSTORE/QRESYNC parameters of RFC 7162), CLOSE, UNSELECT
 * (RFC 3691), EXPUNGE and UID EXPUNGE (RFC 4315).
 */
final class SelectCommands {

    private SelectCommands() {
    }

    static StatusResponse select(ImapSession s, SelectRequest r) throws StorageException {
        ResponseEncoder out = s.out();
        if (r.qresync() != null && !s.qresync()) {
            return StatusResponse.bad(r.tag(), "Error in IMAP command " + (r.readOnly() ? "EXAMINE" : "SELECT")
                    + ": QRESYNC not enabled");
        }
        String name = MailboxCommands.name(s, r.mailbox());
        MailboxView view;
        try {
            // the new view opens before the old one closes: re-selecting a mailbox keeps its state loaded
            view = s.mailboxes().open(name, r.readOnly());
        } finally {
            if (s.selected() != null) {
                s.closeSelected(); // RFC 3501 6.3.1: also when the SELECT fails
                out.status(new StatusResponse(null, StatusResponse.Condition.OK, ResponseCode.CLOSED,
                        "Previous mailbox closed."));
            }
        }
        if (r.condstore()) {
            s.enabled().add("CONDSTORE");
        }
        Selected sel = new Selected(view, r.mailbox());
        List<ViewMessage> all = view.messages(sel.all());
        int recent = 0;
        int firstUnseen = 0;
        for (ViewMessage m : all) {
            sel.keywords().addAll(m.meta().flags().keywords());
            recent += m.recent() ? 1 : 0;
            if (firstUnseen == 0 && !m.meta().flags().has(Flag.SEEN)) {
                firstUnseen = m.seq();
            }
        }
        var status = view.status();
        if (r.readOnly()) {
            recent = (int) Math.min(status.recent(), view.size()); // EXAMINE shows \Recent without taking it
            if (recent > 0) {
                sel.examineRecentFrom(view.uid(view.size() - recent + 1));
            }
        }
        sel.writeFlags(out);
        out.exists(view.size());
        out.recent(recent);
        if (firstUnseen > 0) {
            out.status(untagged(ResponseCode.unseen(firstUnseen), "First unseen."));
        }
        out.status(untagged(ResponseCode.uidValidity(view.uidValidity()), "UIDs valid"));
        out.status(untagged(ResponseCode.uidNext(status.uidNext()), "Predicted next UID"));
        if (s.condstore()) { // RFC 7162 3.1.2.1: once CONDSTORE is enabled (Dovecot: only then)
            out.status(untagged(ResponseCode.highestModSeq(status.highestModseq()), "Highest"));
        }
        sel.told(view.size(), recent);
        s.select(sel);
        if (r.qresync() != null && r.qresync().uidValidity() == view.uidValidity()) {
            resync(s, sel, r.qresync());
        }
        return StatusResponse.ok(r.tag(), r.readOnly() ? ResponseCode.READ_ONLY : ResponseCode.READ_WRITE,
                r.readOnly() ? "Examine completed." : "Select completed.");
    }

    /** RFC 7162 3.2.5.1: what vanished and what changed since the client's modseq. */
    private static void resync(ImapSession s, Selected sel, QresyncParameter q) throws StorageException {
        Changes changes = sel.view().changesSince(q.modSeq());
        SequenceSet known = q.knownUids();
        long max = sel.maxUid();
        long upper = sel.view().status().uidNext() - 1;
        List<Long> vanished = new ArrayList<>();
        for (UidSet.Range range : changes.vanished().ranges()) {
            for (long u = range.first(); u <= Math.min(range.last(), upper) && vanished.size() < 1_000_000; u++) {
                if (known == null || known.contains(u, upper)) {
                    vanished.add(u);
                }
            }
        }
        if (!vanished.isEmpty()) {
            s.out().vanished(true, vanished.stream().mapToLong(Long::longValue).toArray());
        }
        for (MessageMeta m : changes.changed()) {
            int seq = sel.view().seq(m.uid());
            if (seq > 0 && (known == null || known.contains(m.uid(), max))) {
                ViewMessage vm = sel.view().messages(UidSet.of(m.uid())).get(0);
                FetchEncoder.fetch(s.out().writer(), seq, List.of(new FetchItem.Uid(m.uid()),
                        new FetchItem.Flags(FlagNames.of(vm.meta().flags(), vm.recent())),
                        new FetchItem.ModSeq(vm.meta().modseq())));
            }
        }
    }

    private static StatusResponse untagged(ResponseCode code, String text) {
        return new StatusResponse(null, StatusResponse.Condition.OK, code, text);
    }

    static StatusResponse close(ImapSession s, CloseRequest r) throws StorageException {
        Selected sel = s.selected();
        if (!sel.readOnly()) {
            sel.view().expunge(null);
        }
        s.closeSelected();
        return StatusResponse.ok(r.tag(), "Close completed.");
    }

    static StatusResponse unselect(ImapSession s, UnselectRequest r) {
        s.closeSelected();
        return StatusResponse.ok(r.tag(), "Unselect completed.");
    }

    static StatusResponse expunge(ImapSession s, String tag, SequenceSet uids) throws StorageException {
        Selected sel = s.selected();
        if (sel.readOnly()) {
            return StatusResponse.no(tag, ResponseCode.CANNOT, "Mailbox is read-only.");
        }
        UidSet set = null;
        if (uids != null) {
            try {
                set = Sequences.resolve(s, uids, true);
            } catch (Sequences.InvalidSetException e) {
                return StatusResponse.bad(tag, "Error in IMAP command UID EXPUNGE: " + e.getMessage());
            }
        }
        sel.view().expunge(set);
        return StatusResponse.ok(tag, "Expunge completed.");
    }
}
