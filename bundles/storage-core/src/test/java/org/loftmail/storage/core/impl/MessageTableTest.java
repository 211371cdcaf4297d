package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.spi.StoredMessage;

/** MODSEQ rules when the driver's list changes underneath (another process) and across index loss. */
class MessageTableTest {

    private static StoredMessage msg(long uid, Flags flags) {
        Instant t = Instant.EPOCH;
        return new StoredMessage(uid, flags, t, t, 10, 10, "g" + uid);
    }

    @Test
    void externalChangesGetFreshModseqsAndExpungesBecomeTombstones() {
        MessageTable t = new MessageTable();
        t.load(List.of(msg(1, Flags.NONE), msg(2, Flags.NONE)), null);
        long base = t.highestModseq();
        assertFalse(t.reconcile(List.of(msg(1, Flags.NONE), msg(2, Flags.NONE))), "no change, no modseq");
        assertTrue(t.reconcile(List.of(msg(1, Flags.of(Flag.SEEN)), msg(3, Flags.NONE))));
        long now = t.highestModseq();
        assertEquals(base + 1, now);
        assertEquals(List.of(1L, 3L), t.changedSince(base).stream().map(MessageMeta::uid).toList());
        assertEquals(UidSet.of(2), t.vanishedSince(base));
        assertEquals(3, t.maxUid());
    }

    @Test
    void theIndexKeepsModseqsAndNoticesChangesMadeWhileClosed() {
        MessageTable first = new MessageTable();
        first.load(List.of(msg(1, Flags.NONE), msg(2, Flags.NONE)), null);
        long ms = first.nextModseq();
        first.flagsSet(first.messages.get(1L), Flags.of(Flag.FLAGGED), ms);
        IndexCodec.Index saved = IndexCodec.decode(IndexCodec.encode(first.toIndex(true, first.highestModseq())));

        MessageTable second = new MessageTable();
        second.load(List.of(msg(1, Flags.of(Flag.FLAGGED)), msg(2, Flags.of(Flag.SEEN))), saved);
        assertEquals(ms, second.messages.get(1L).modseq(), "unchanged message keeps its modseq");
        assertTrue(second.messages.get(2L).modseq() > ms, "changed while closed: a new modseq");
        assertEquals(second.messages.get(2L).modseq(), second.highestModseq());
    }

    @Test
    void lostHistoryReportsEveryAbsentUidAsVanished() {
        MessageTable t = new MessageTable();
        t.load(List.of(), null);
        for (long uid = 1; uid <= MessageTable.MAX_TOMBSTONES + 5; uid++) {
            t.added(msg(uid, Flags.NONE), t.nextModseq());
        }
        long early = t.highestModseq();
        for (long uid = 1; uid <= MessageTable.MAX_TOMBSTONES + 2; uid++) {
            t.expunged(List.of(uid), t.nextModseq());
        }
        UidSet vanished = t.vanishedSince(1);
        assertEquals(UidSet.range(1, MessageTable.MAX_TOMBSTONES + 2), vanished);
        assertEquals(UidSet.range(MessageTable.MAX_TOMBSTONES + 1, MessageTable.MAX_TOMBSTONES + 2),
                t.vanishedSince(early + MessageTable.MAX_TOMBSTONES));
    }

    @Test
    void aRebuiltIndexStartsAboveEveryModseqGivenBefore() {
        MessageTable before = new MessageTable();
        before.load(List.of(msg(1, Flags.NONE)), null);
        long firstBase = before.highestModseq();
        assertTrue(firstBase > 1_000_000_000_000L, "the base is the clock in milliseconds, not 1");
        MessageTable rebuilt = new MessageTable();
        rebuilt.load(List.of(msg(1, Flags.NONE)), null);
        assertTrue(rebuilt.highestModseq() >= firstBase, "a later rebuild never starts lower");
        assertEquals(rebuilt.highestModseq(), rebuilt.messages.get(1L).modseq());
    }

    @Test
    void anUncleanIndexStartsAboveItsCeilingAndForgetsItsHistory() {
        MessageTable crashed = new MessageTable();
        crashed.load(List.of(msg(1, Flags.NONE), msg(2, Flags.NONE), msg(3, Flags.NONE)), null);
        long seen = crashed.highestModseq();
        long ceiling = seen + IndexWriter.RESERVE;
        IndexCodec.Index unclean = IndexCodec.decode(IndexCodec.encode(crashed.toIndex(false, ceiling)));

        MessageTable reopened = new MessageTable();
        reopened.load(List.of(msg(1, Flags.NONE), msg(3, Flags.NONE)), unclean);
        assertTrue(reopened.messages.get(1L).modseq() > ceiling, "modseqs given before the crash are never repeated");
        assertEquals(List.of(1L, 3L), reopened.changedSince(seen).stream().map(MessageMeta::uid).toList());
        assertEquals(UidSet.of(2), reopened.vanishedSince(seen));
        assertEquals(3, reopened.maxUid());
    }

    @Test
    void aCorruptIndexIsIgnored() {
        assertEquals(null, IndexCodec.decode(new byte[] {1, 2, 3}));
        assertEquals(null, IndexCodec.decode(null));
    }
}
