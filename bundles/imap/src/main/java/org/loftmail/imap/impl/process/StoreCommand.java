package org.loftmail.imap.impl.process;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.StoreResult;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.imap.impl.encode.FetchEncoder;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.StoreRequest;
import org.loftmail.imap.impl.session.FlagNames;
import org.loftmail.imap.impl.session.ImapSession;

/** STORE and UID STORE (RFC 3501 6.4.6) with UNCHANGEDSINCE and MODIFIED (RFC 7162 3.1.3). */
final class StoreCommand {

    private StoreCommand() {
    }

    static StatusResponse store(ImapSession s, StoreRequest r) throws StorageException {
        String command = (r.uid() ? "UID " : "") + "STORE";
        MailboxView view = s.selected().view();
        UidSet set;
        Flags flags;
        try {
            set = Sequences.resolve(s, r.set(), r.uid());
            flags = FlagNames.parse(r.flags());
        } catch (Sequences.InvalidSetException | IllegalArgumentException e) {
            return StatusResponse.bad(r.tag(), "Error in IMAP command " + command + ": " + e.getMessage());
        }
        if (view.readOnly()) {
            return StatusResponse.no(r.tag(), ResponseCode.CANNOT, "Mailbox is read-only.");
        }
        FlagChange change = switch (r.mode()) {
            case ADD -> FlagChange.add(flags);
            case REMOVE -> FlagChange.remove(flags);
            case REPLACE -> FlagChange.replace(flags);
        };
        if (r.unchangedSince() != null) {
            s.enabled().add("CONDSTORE");
            if (r.unchangedSince() == 0) { // every message has a modseq above 0: nothing may change
                return StatusResponse.ok(r.tag(), ResponseCode.modified(view.messages(set).stream()
                        .mapToLong(m -> r.uid() ? m.uid() : m.seq()).toArray()), "Conditional store failed.");
            }
            change = change.unchangedSince(r.unchangedSince());
        }
        StoreResult result = view.store(set, change);
        s.selected().announceKeywords(s.out(), result.changed());
        boolean condstore = s.condstore();
        for (ViewMessage m : result.changed()) {
            List<FetchItem> items = new ArrayList<>(3);
            if (r.uid() || s.qresync()) { // RFC 7162 3.2.4: with QRESYNC every FETCH carries UID
                items.add(new FetchItem.Uid(m.uid()));
            }
            if (condstore) {
                items.add(new FetchItem.ModSeq(m.meta().modseq())); // before FLAGS, as Dovecot
            }
            if (!r.silent()) {
                items.add(new FetchItem.Flags(FlagNames.of(m.meta().flags(), m.recent())));
            }
            if (!r.silent() || condstore) { // RFC 7162 3.1.3: MODSEQ even for .SILENT
                FetchEncoder.fetch(s.out().writer(), m.seq(), items);
            }
        }
        if (!result.failed().isEmpty()) {
            List<Long> failed = new ArrayList<>();
            for (UidSet.Range range : result.failed().ranges()) {
                for (long u = range.first(); u <= range.last(); u++) {
                    failed.add(r.uid() ? u : (long) view.seq(u));
                }
            }
            return StatusResponse.ok(r.tag(), ResponseCode.modified(failed.stream().mapToLong(Long::longValue)
                    .filter(n -> n > 0).toArray()), "Conditional store failed.");
        }
        return StatusResponse.ok(r.tag(), "Store completed.");
    }
}
