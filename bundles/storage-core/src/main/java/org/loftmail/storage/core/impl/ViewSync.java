package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.SyncResult;
import org.loftmail.api.storage.ViewMessage;

/**
 * One sync of a view, run with the mailbox lock held: expunges (highest sequence number first,
 * so each number is valid when sent), then new messages (claiming \Recent), then flag changes
 * other sessions made.
 */
final class ViewSync {

    private final MailboxState state;
    private final SequenceMap seqs;
    private final Set<Long> recent;
    private final Map<Long, Long> own;
    private final boolean readOnly;

    ViewSync(MailboxState state, SequenceMap seqs, Set<Long> recent, Map<Long, Long> own, boolean readOnly) {
        this.state = state;
        this.seqs = seqs;
        this.recent = recent;
        this.own = own;
        this.readOnly = readOnly;
    }

    SyncResult run(long knownModseq, LongConsumer done) throws StorageException {
        List<Integer> expunged = new ArrayList<>();
        List<Long> expungedUids = new ArrayList<>();
        List<ViewMessage> flags = new ArrayList<>();
        long highest = state.table.highestModseq();
        if (highest != knownModseq) {
            for (int seq = seqs.size(); seq >= 1; seq--) {
                long uid = seqs.uid(seq);
                if (!state.table.messages.containsKey(uid)) {
                    expunged.add(seq);
                    expungedUids.add(uid);
                    seqs.removeAt(seq);
                    recent.remove(uid);
                }
            }
            int before = seqs.size();
            long last = seqs.last();
            seqs.append(state.table.after(last).keySet());
            if (!readOnly) {
                recent.addAll(state.claimRecent());
            }
            for (int seq = 1; seq <= before; seq++) {
                MessageMeta m = state.table.messages.get(seqs.uid(seq));
                Long mine = own.get(m.uid());
                if (m.modseq() > knownModseq && (mine == null || mine != m.modseq())) {
                    flags.add(new ViewMessage(seq, m, recent.contains(m.uid())));
                }
            }
        }
        done.accept(highest);
        return new SyncResult(expunged, expungedUids, seqs.size(), recent.size(), flags, state.uidNext(), highest);
    }
}
