package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Changes;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StoreResult;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** STORE add/remove/replace with keywords, UNCHANGEDSINCE, and changes since a modseq (CONDSTORE/QRESYNC). */
public interface FlagStoreContract extends DriverContract {

    private static Flags flags(MailboxView v, long uid) throws Exception {
        return v.messages(UidSet.of(uid)).get(0).meta().flags();
    }

    @Test
    default void addRemoveAndReplaceFlagsAndKeywords(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            long uid = fill(mb, "INBOX", 1).get(0);
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uid), FlagChange.add(Flags.of(Flag.SEEN, Flag.FLAGGED).withKeywords("$Junk")));
                assertEquals(Flags.of(Flag.SEEN, Flag.FLAGGED).withKeywords("$Junk"), flags(v, uid));
                v.store(UidSet.of(uid), FlagChange.remove(Flags.of(Flag.FLAGGED).withKeywords("$Junk")));
                assertEquals(Flags.of(Flag.SEEN), flags(v, uid));
                v.store(UidSet.of(uid), FlagChange.replace(Flags.of(Flag.ANSWERED).withKeywords("Later")));
                assertEquals(Flags.of(Flag.ANSWERED).withKeywords("Later"), flags(v, uid));
            }
        }
    }

    @Test
    default void storingTheSameFlagsChangesNothing(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            long uid = fill(mb, "INBOX", 1).get(0);
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uid), FlagChange.add(Flags.of(Flag.SEEN)));
                long modseq = mb.status("INBOX").highestModseq();
                StoreResult r = v.store(UidSet.of(uid), FlagChange.add(Flags.of(Flag.SEEN)));
                assertTrue(r.changed().isEmpty());
                assertEquals(modseq, mb.status("INBOX").highestModseq());
            }
        }
    }

    @Test
    default void unchangedSinceRefusesMessagesModifiedLater(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 2);
            try (MailboxView v = mb.open("INBOX", false)) {
                long base = mb.status("INBOX").highestModseq();
                v.store(UidSet.of(uids.get(1)), FlagChange.add(Flags.of(Flag.FLAGGED)));
                StoreResult r = v.store(UidSet.of(uids.get(0), uids.get(1)),
                        FlagChange.add(Flags.of(Flag.SEEN)).unchangedSince(base));
                assertEquals(UidSet.of(uids.get(1)), r.failed());
                assertEquals(List.of(uids.get(0)), r.changed().stream().map(m -> m.uid()).toList());
                assertEquals(Flags.of(Flag.FLAGGED), flags(v, uids.get(1)));
                assertTrue(flags(v, uids.get(0)).has(Flag.SEEN));
            }
        }
    }

    @Test
    default void changesSinceListsChangedMessagesAndVanishedUids(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 4);
            try (MailboxView v = mb.open("INBOX", false)) {
                long base = mb.status("INBOX").highestModseq();
                v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.SEEN)));
                v.store(UidSet.of(uids.get(2)), FlagChange.add(Flags.of(Flag.DELETED)));
                v.expunge(null);
                long added = fill(mb, "INBOX", 1).get(0);
                Changes c = v.changesSince(base);
                assertEquals(mb.status("INBOX").highestModseq(), c.highestModseq());
                assertEquals(List.of(uids.get(0), added), c.changed().stream().map(MessageMeta::uid).toList());
                assertEquals(UidSet.of(uids.get(2)), c.vanished());
                Changes none = v.changesSince(c.highestModseq());
                assertTrue(none.changed().isEmpty());
                assertTrue(none.vanished().isEmpty());
            }
        }
    }
}
