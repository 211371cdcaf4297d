package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loftmail.api.storage.Changes;
import org.loftmail.api.storage.CopyResult;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MessageFieldCache;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.StoreResult;
import org.loftmail.api.storage.SyncResult;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.api.storage.event.FlagsChanged;
import org.loftmail.api.storage.event.MessagesExpunged;

/** A session's view: a frozen sequence numbering over the shared {@link MailboxState}. */
final class MailboxViewImpl implements MailboxView {

    final MailboxState state;
    final StoreContext ctx;
    private final boolean readOnly;
    private final SequenceMap seqs = new SequenceMap();
    private final Set<Long> recent = new HashSet<>();
    /** Flag changes this session made itself since the last sync: uid to the modseq they got. */
    private final Map<Long, Long> own = new HashMap<>();
    private long knownModseq;
    private boolean closed;

    MailboxViewImpl(MailboxState state, StoreContext ctx, boolean readOnly) throws StorageException {
        this.state = state;
        this.ctx = ctx;
        this.readOnly = readOnly;
        state.with(() -> {
            seqs.append(state.table.messages.keySet());
            knownModseq = state.table.highestModseq();
            if (!readOnly) {
                recent.addAll(state.claimRecent());
            }
            state.views.add(this);
            return null;
        });
    }

    @Override
    public String name() {
        return ctx.out(state.name);
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public int size() {
        return seqs.size();
    }

    @Override
    public long uidValidity() {
        return state.uidValidity();
    }

    @Override
    public MailboxStatus status() throws StorageException {
        return state.with(state::status);
    }

    @Override
    public long uid(int seq) {
        return seqs.uid(seq);
    }

    @Override
    public int seq(long uid) {
        return seqs.seq(uid);
    }

    @Override
    public UidSet uidsOfSequences(int from, int to) {
        return seqs.uidsOfSequences(from, to);
    }

    @Override
    public List<ViewMessage> messages(UidSet uids) throws StorageException {
        return state.with(() -> {
            int[] wanted = seqs.sequencesOf(uids);
            List<ViewMessage> out = new ArrayList<>(wanted.length);
            if (wanted.length == 0) {
                return out;
            }
            boolean dense = wanted.length * 2L >= wanted[wanted.length - 1] - wanted[0] + 1;
            TableWalk walk = dense ? new TableWalk(state.table.messages.tailMap(seqs.uid(wanted[0]), true)) : null;
            for (int seq : wanted) {
                long uid = seqs.uid(seq);
                add(out, seq, dense ? walk.at(uid) : state.table.messages.get(uid));
            }
            return out;
        });
    }

    /**
     * Looks up ascending UIDs by walking the table along (one step per message instead of a tree
     * search). A method per message, not a loop: it is compiled within the first large command.
     */
    private static final class TableWalk {
        private final Iterator<MessageMeta> table;
        private MessageMeta current;

        TableWalk(java.util.SortedMap<Long, MessageMeta> from) {
            table = from.values().iterator();
            current = table.hasNext() ? table.next() : null;
        }

        MessageMeta at(long uid) {
            while (current != null && current.uid() < uid) {
                current = table.hasNext() ? table.next() : null;
            }
            return current != null && current.uid() == uid ? current : null;
        }
    }

    private void add(List<ViewMessage> out, int seq, MessageMeta m) {
        if (m != null) {
            out.add(new ViewMessage(seq, m, !recent.isEmpty() && recent.contains(m.uid())));
        }
    }

    @Override
    public MessageContent content(long uid) throws StorageException {
        MessageMeta m = state.with(() -> seqs.seq(uid) == 0 ? null : state.table.messages.get(uid));
        if (m == null) {
            throw new StorageException(StorageError.EXPUNGED, "Message " + uid + " is not in " + name());
        }
        return new MessageContentImpl(state, uid, m.size());
    }

    @Override
    public MessageFieldCache cache() {
        return state.cache;
    }

    @Override
    public StoreResult store(UidSet uids, FlagChange change) throws StorageException {
        writable();
        List<Long> failed = new ArrayList<>();
        List<MessageMeta> changed = state.with(() -> state.setFlags(seqs.uidsIn(uids), change, failed));
        List<ViewMessage> out = new ArrayList<>();
        for (MessageMeta m : changed) {
            own.put(m.uid(), m.modseq());
            out.add(new ViewMessage(seqs.seq(m.uid()), m, recent.contains(m.uid())));
        }
        if (!changed.isEmpty()) {
            ctx.events().publish(new FlagsChanged(ctx.user(), name(), uidValidity(), changed));
        }
        return new StoreResult(out, UidSet.of(failed));
    }

    @Override
    public List<Long> expunge(UidSet uids) throws StorageException {
        writable();
        UidSet scope = uids == null ? UidSet.all() : uids;
        List<Long> gone = state.with(() -> state.expunge(seqs.uidsIn(scope), m -> m.flags().has(Flag.DELETED)));
        if (!gone.isEmpty()) {
            ctx.events().publish(new MessagesExpunged(ctx.user(), name(), uidValidity(), gone));
        }
        return gone;
    }

    @Override
    public CopyResult copy(UidSet uids, String target) throws StorageException {
        return new Transfer(this, seqs.uidsIn(uids)).copy(target);
    }

    @Override
    public CopyResult move(UidSet uids, String target) throws StorageException {
        writable();
        return new Transfer(this, seqs.uidsIn(uids)).move(target);
    }

    @Override
    public Changes changesSince(long modseq) throws StorageException {
        return state.with(() -> new Changes(state.table.highestModseq(), state.table.changedSince(modseq),
                state.table.vanishedSince(modseq)));
    }

    @Override
    public SyncResult sync() throws StorageException {
        return state.with(() -> {
            state.cache.flush(); // a command ends with a sync: its new cache values go out now
            return new ViewSync(state, seqs, recent, own, readOnly).run(knownModseq, this::synced);
        });
    }

    private void synced(long modseq) {
        knownModseq = modseq;
        own.clear();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        state.lock.lock();
        try {
            state.views.remove(this);
            if (state.views.isEmpty()) {
                state.flush();
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** \Recent messages this view holds that still exist. Called with the state lock held. */
    int recentHeld() {
        int n = 0;
        for (Long uid : recent) {
            if (state.table.messages.containsKey(uid)) {
                n++;
            }
        }
        return n;
    }

    private void writable() throws StorageException {
        if (readOnly) {
            throw new StorageException(StorageError.READ_ONLY, "Mailbox " + name() + " is open read-only");
        }
    }
}
