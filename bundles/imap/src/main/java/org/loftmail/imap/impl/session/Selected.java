package org.loftmail.imap.impl.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.SyncResult;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.imap.impl.encode.FetchEncoder;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.ResponseEncoder;
import org.loftmail.imap.impl.encode.StatusResponse;

/**
 * The selected mailbox of a session: its view, what the client was last told (EXISTS, RECENT,
 * keywords), and the untagged updates that bring the client up to date (RFC 3501 7.3, 7.4.1,
 * RFC 7162 3.2.10 VANISHED when QRESYNC is enabled).
 */
public final class Selected {

    private final MailboxView view;
    private final String wireName;
    private int reportedExists;
    private int reportedRecent;
    private final Set<String> keywords = new HashSet<>();
    private long recentFrom;

    public Selected(MailboxView view, String wireName) {
        this.view = view;
        this.wireName = wireName;
        this.reportedExists = view.size();
    }

    public MailboxView view() {
        return view;
    }

    public String name() {
        return view.name();
    }

    public String wireName() {
        return wireName;
    }

    public boolean readOnly() {
        return view.readOnly();
    }

    /** Keywords the client was told about in FLAGS. */
    public Set<String> keywords() {
        return keywords;
    }

    /**
     * Whether a message is \Recent for this session. A read-only (EXAMINE) view takes no \Recent
     * for itself but shows the mailbox's recent messages as such, as Dovecot does: they are the
     * newest ones, from {@link #examineRecentFrom(long)} on.
     */
    public boolean recent(ViewMessage m) {
        return view.readOnly() ? recentFrom > 0 && m.uid() >= recentFrom : m.recent();
    }

    /** For a read-only view: the lowest UID that is \Recent (0: none). */
    public void examineRecentFrom(long uid) {
        recentFrom = uid;
    }

    public void told(int exists, int recent) {
        reportedExists = exists;
        reportedRecent = recent;
    }

    /**
     * Syncs the view and writes what changed: EXPUNGE (or VANISHED), EXISTS, RECENT, FLAGS when
     * new keywords appeared, and FETCH for flags other sessions changed.
     */
    public void report(ResponseEncoder out, boolean qresync, boolean condstore, boolean withUid)
            throws StorageException {
        SyncResult r = view.sync();
        if (!r.expunged().isEmpty()) {
            if (qresync) {
                out.vanished(false, r.expungedUids().stream().mapToLong(Long::longValue).toArray());
            } else {
                r.expunged().forEach(out::expunge);
            }
        }
        int expected = reportedExists - r.expunged().size();
        List<ViewMessage> added = r.exists() > expected
                ? view.messages(view.uidsOfSequences(Math.max(expected, 0) + 1, r.exists())) : List.of();
        List<ViewMessage> updates = r.flagUpdates();
        announceNewKeywords(out, updates, added);
        if (r.exists() != expected) {
            out.exists(r.exists());
            if (r.recent() != reportedRecent) {
                out.recent(r.recent()); // as Dovecot: RECENT goes with new mail, not with expunges
            }
        }
        reportedExists = r.exists();
        reportedRecent = r.recent();
        for (ViewMessage m : updates) {
            List<FetchItem> items = new ArrayList<>(3);
            if (withUid || qresync) {
                items.add(new FetchItem.Uid(m.uid()));
            }
            items.add(new FetchItem.Flags(FlagNames.of(m.meta().flags(), m.recent())));
            if (condstore) {
                items.add(new FetchItem.ModSeq(m.meta().modseq()));
            }
            FetchEncoder.fetch(out.writer(), m.seq(), items);
        }
    }

    /** Writes FLAGS and PERMANENTFLAGS when {@code messages} carry keywords the client was not told of. */
    public void announceKeywords(ResponseEncoder out, List<ViewMessage> messages) {
        announceNewKeywords(out, messages, List.of());
    }

    private void announceNewKeywords(ResponseEncoder out, List<ViewMessage> updates, List<ViewMessage> added) {
        Set<String> seen = new HashSet<>();
        updates.forEach(m -> seen.addAll(m.meta().flags().keywords()));
        added.forEach(m -> seen.addAll(m.meta().flags().keywords()));
        if (!keywords.containsAll(seen)) {
            keywords.addAll(seen);
            writeFlags(out);
        }
    }

    /** {@code * FLAGS} and {@code * OK [PERMANENTFLAGS]} for the known keywords. */
    public void writeFlags(ResponseEncoder out) {
        out.flags(FlagNames.all(keywords));
        if (view.readOnly()) {
            out.status(new StatusResponse(null, StatusResponse.Condition.OK,
                    ResponseCode.permanentFlags(List.of()), "No permanent flags permitted."));
        } else {
            List<String> permanent = new ArrayList<>(FlagNames.all(keywords));
            permanent.add("\\*");
            out.status(new StatusResponse(null, StatusResponse.Condition.OK,
                    ResponseCode.permanentFlags(permanent), "Flags permitted."));
        }
    }

    /** The UID of the last message, 0 when empty. */
    public long maxUid() {
        int n = view.size();
        return n == 0 ? 0 : view.uid(n);
    }

    /** All UIDs of the view. */
    public UidSet all() {
        int n = view.size();
        return n == 0 ? UidSet.EMPTY : view.uidsOfSequences(1, n);
    }
}
