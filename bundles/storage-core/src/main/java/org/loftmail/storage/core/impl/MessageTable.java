package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * The message list of one mailbox with the MODSEQ rules: every change (append, flag change,
 * expunge, whether by Loft or noticed in the driver) gets a modseq above every earlier one; each
 * message carries the modseq of its last change; expunges are remembered for QRESYNC. Not thread
 * safe: {@link MailboxState} guards it.
 */
final class MessageTable {

    /** Expunge history kept for VANISHED; older expunges are reported imprecisely. */
    static final int MAX_TOMBSTONES = 10_000;

    final TreeMap<Long, MessageMeta> messages = new TreeMap<>();
    private static final int MAX_SHARED_FLAGS = 4096;
    private final Map<Flags, Flags> sharedFlags = new HashMap<>();
    private final TreeMap<Long, Long> tombstones = new TreeMap<>();
    private long highestModseq = 1;
    private long maxUid;
    private long historyFloor;
    long recentWatermark;

    /**
     * Fills the table from the driver's list and the core's index. A missing index, or one not
     * closed cleanly (the process died), is rebuilt: every message gets a modseq above any that
     * can have been given out (the reserved ceiling, or the clock in milliseconds for a lost
     * index), and expunge history before it counts as unknown.
     */
    void load(List<StoredMessage> stored, IndexCodec.Index index) {
        if (index == null || !index.clean()) {
            rebuild(stored, index);
            return;
        }
        highestModseq = index.highestModseq();
        maxUid = index.maxUid();
        recentWatermark = index.recentWatermark();
        historyFloor = index.historyFloor();
        tombstones.putAll(index.tombstones());
        Map<Long, IndexCodec.Entry> remaining = new HashMap<>(index.entries());
        long next = highestModseq + 1;
        boolean changed = false;
        for (StoredMessage sm : stored) {
            IndexCodec.Entry e = remaining.remove(sm.uid());
            boolean same = e != null && e.flags().equals(sm.flags());
            changed |= !same;
            messages.put(sm.uid(), meta(sm, sm.flags(), same ? e.modseq() : next));
            maxUid = Math.max(maxUid, sm.uid());
        }
        for (Long gone : remaining.keySet()) {
            tombstone(gone, next);
            changed = true;
        }
        if (changed) {
            highestModseq = next;
        }
    }

    private void rebuild(List<StoredMessage> stored, IndexCodec.Index index) {
        long base = Math.max(1, System.currentTimeMillis());
        if (index != null) {
            base = Math.max(base, index.ceiling() + 1);
            maxUid = index.maxUid();
            recentWatermark = index.recentWatermark();
            tombstones.putAll(index.tombstones());
        }
        highestModseq = base;
        historyFloor = base;
        for (StoredMessage sm : stored) {
            messages.put(sm.uid(), meta(sm, sm.flags(), base));
            maxUid = Math.max(maxUid, sm.uid());
        }
    }

    /** Brings the table in line with the driver's current list; returns whether anything changed. */
    boolean reconcile(List<StoredMessage> stored) {
        long next = highestModseq + 1;
        Set<Long> present = new HashSet<>(stored.size() * 2);
        boolean changed = false;
        for (StoredMessage sm : stored) {
            present.add(sm.uid());
            MessageMeta old = messages.get(sm.uid());
            if (old == null) {
                messages.put(sm.uid(), meta(sm, sm.flags(), next));
                maxUid = Math.max(maxUid, sm.uid());
                changed = true;
            } else if (!old.flags().equals(sm.flags())) {
                messages.put(sm.uid(), withFlags(old, sm.flags(), next));
                changed = true;
            }
        }
        if (present.size() != messages.size()) {
            for (Long uid : new ArrayList<>(messages.keySet())) {
                if (!present.contains(uid)) {
                    messages.remove(uid);
                    tombstone(uid, next);
                    changed = true;
                }
            }
        }
        if (changed) {
            highestModseq = next;
        }
        return changed;
    }

    long nextModseq() {
        return ++highestModseq;
    }

    long highestModseq() {
        return highestModseq;
    }

    long maxUid() {
        return maxUid;
    }

    void added(StoredMessage sm, long modseq) {
        messages.put(sm.uid(), meta(sm, sm.flags(), modseq));
        maxUid = Math.max(maxUid, sm.uid());
    }

    void flagsSet(MessageMeta old, Flags flags, long modseq) {
        messages.put(old.uid(), withFlags(old, flags, modseq));
    }

    void expunged(Collection<Long> uids, long modseq) {
        for (Long uid : uids) {
            if (messages.remove(uid) != null) {
                tombstone(uid, modseq);
            }
        }
    }

    /** Messages changed after {@code modseq}, by UID. */
    List<MessageMeta> changedSince(long modseq) {
        List<MessageMeta> out = new ArrayList<>();
        for (MessageMeta m : messages.values()) {
            if (m.modseq() > modseq) {
                out.add(m);
            }
        }
        return out;
    }

    /** UIDs expunged after {@code modseq}; every absent UID below the highest when history is lost. */
    UidSet vanishedSince(long modseq) {
        if (modseq < historyFloor) {
            List<Long> absent = new ArrayList<>();
            long expected = 1;
            for (Long uid : messages.keySet()) {
                addRange(absent, expected, uid - 1);
                expected = uid + 1;
            }
            addRange(absent, expected, maxUid);
            return rangesToSet(absent);
        }
        List<Long> out = new ArrayList<>();
        tombstones.forEach((uid, ms) -> {
            if (ms > modseq) {
                out.add(uid);
            }
        });
        return UidSet.of(out);
    }

    NavigableMap<Long, MessageMeta> after(long uid) {
        return messages.tailMap(uid, false);
    }

    /** The index of this table; {@code ceiling} is the highest modseq it may give out before the next write. */
    IndexCodec.Index toIndex(boolean clean, long ceiling) {
        Map<Long, IndexCodec.Entry> entries = new HashMap<>(messages.size() * 2);
        messages.forEach((uid, m) -> entries.put(uid, new IndexCodec.Entry(m.modseq(), m.flags())));
        return new IndexCodec.Index(clean, ceiling, highestModseq, maxUid, recentWatermark, historyFloor, entries,
                tombstones);
    }

    private void tombstone(long uid, long modseq) {
        tombstones.put(uid, modseq);
        while (tombstones.size() > MAX_TOMBSTONES) {
            long dropped = tombstones.pollFirstEntry().getValue();
            historyFloor = Math.max(historyFloor, dropped);
        }
    }

    private static void addRange(List<Long> flat, long first, long last) {
        if (first <= last) {
            flat.add(first);
            flat.add(last);
        }
    }

    private static UidSet rangesToSet(List<Long> flat) {
        List<UidSet.Range> ranges = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += 2) {
            ranges.add(new UidSet.Range(flat.get(i), flat.get(i + 1)));
        }
        return new UidSet(ranges);
    }

    private MessageMeta meta(StoredMessage sm, Flags flags, long modseq) {
        return new MessageMeta(sm.uid(), shared(flags), modseq, sm.internalDate(), sm.saveDate(), sm.size(),
                sm.virtualSize(), sm.guid());
    }

    private MessageMeta withFlags(MessageMeta m, Flags flags, long modseq) {
        return new MessageMeta(m.uid(), shared(flags), modseq, m.internalDate(), m.saveDate(), m.size(),
                m.virtualSize(), m.guid());
    }

    /**
     * One instance per distinct set of flags: a mailbox has few, so its messages share them
     * (less memory, and a protocol can tell two messages' flags equal by identity).
     */
    private Flags shared(Flags flags) {
        Flags known = sharedFlags.get(flags);
        if (known != null) {
            return known;
        }
        if (sharedFlags.size() < MAX_SHARED_FLAGS) {
            sharedFlags.put(flags, flags);
        }
        return flags;
    }
}
