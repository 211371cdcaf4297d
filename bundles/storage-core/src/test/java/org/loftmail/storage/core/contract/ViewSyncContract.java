package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fails;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.SyncResult;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** Per-session views: sequence numbers frozen until sync, what sync reports, \Recent, read-only. */
public interface ViewSyncContract extends DriverContract {

    private static void delete(MailboxView v, long... uids) throws Exception {
        v.store(UidSet.of(uids), FlagChange.add(Flags.of(Flag.DELETED)));
        v.expunge(UidSet.of(uids));
    }

    @Test
    default void sequenceNumbersStayUntilSyncThenExpungesComeHighestFirst(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 4);
            try (MailboxView a = mb.open("INBOX", false); MailboxView b = mb.open("INBOX", false)) {
                delete(b, uids.get(0), uids.get(2));
                assertEquals(4, a.size());
                assertEquals(uids.get(2), a.uid(3));
                assertEquals(2, a.messages(UidSet.all()).size(), "expunged messages are left out before sync");
                SyncResult s = a.sync();
                assertEquals(List.of(3, 1), s.expunged());
                assertEquals(List.of(uids.get(2), uids.get(0)), s.expungedUids());
                assertEquals(2, s.exists());
                assertEquals(uids.get(3), a.uid(2));
                assertEquals(0, a.seq(uids.get(0)));
            }
        }
    }

    @Test
    default void messagesOfDenseAndSparseSetsSkipWhatOthersExpungedAndWhatIsNotSyncedYet(@TempDir Path root)
            throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 10);
            try (MailboxView a = mb.open("INBOX", false); MailboxView b = mb.open("INBOX", false)) {
                delete(b, uids.get(1), uids.get(4));
                fill(mb, "INBOX", 2); // newer than a's view: not in it until a syncs
                assertEquals(List.of(1, 3, 4, 6, 7, 8, 9, 10), seqs(a.messages(UidSet.all())));
                assertEquals(List.of(uids.get(0), uids.get(2), uids.get(9)),
                        a.messages(UidSet.of(uids.get(0), uids.get(1), uids.get(2), uids.get(9))).stream()
                                .map(m -> m.uid()).toList(), "sparse");
                assertEquals(List.of(4, 6), seqs(a.messages(UidSet.range(uids.get(3), uids.get(5)))), "dense");
                assertEquals(List.of(), a.messages(UidSet.of(uids.get(4))));
            }
        }
    }

    private static List<Integer> seqs(List<org.loftmail.api.storage.ViewMessage> messages) {
        return messages.stream().map(m -> m.seq()).toList();
    }

    @Test
    default void ownExpungeIsReportedAtTheNextSync(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 3);
            try (MailboxView a = mb.open("INBOX", false)) {
                delete(a, uids.get(1));
                assertEquals(3, a.size());
                SyncResult s = a.sync();
                assertEquals(List.of(2), s.expunged());
                assertEquals(2, a.size());
                assertTrue(a.sync().expunged().isEmpty(), "reported once");
            }
        }
    }

    @Test
    default void newMessagesAppearAtSync(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            fill(mb, "INBOX", 1);
            try (MailboxView a = mb.open("INBOX", false)) {
                List<Long> added = fill(mb, "INBOX", 2);
                assertEquals(1, a.size());
                SyncResult s = a.sync();
                assertEquals(3, s.exists());
                assertEquals(added.get(1), a.uid(3));
                assertEquals(added.get(1) + 1, s.uidNext());
            }
        }
    }

    @Test
    default void flagChangesOfOtherSessionsAreReportedOwnOnesAreNot(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 2);
            try (MailboxView a = mb.open("INBOX", false); MailboxView b = mb.open("INBOX", false)) {
                b.store(UidSet.of(uids.get(1)), FlagChange.add(Flags.of(Flag.SEEN)));
                a.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.FLAGGED)));
                SyncResult s = a.sync();
                assertEquals(1, s.flagUpdates().size());
                assertEquals(2, s.flagUpdates().get(0).seq());
                assertTrue(s.flagUpdates().get(0).meta().flags().has(Flag.SEEN));
                assertTrue(a.sync().flagUpdates().isEmpty());
                SyncResult sb = b.sync();
                assertEquals(List.of(uids.get(0)), sb.flagUpdates().stream().map(m -> m.uid()).toList());
            }
        }
    }

    @Test
    default void recentGoesToOneSessionAndExamineTakesNone(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            fill(mb, "INBOX", 2);
            try (MailboxView examine = mb.open("INBOX", true)) {
                assertFalse(examine.messages(UidSet.all()).get(0).recent());
                try (MailboxView a = mb.open("INBOX", false); MailboxView b = mb.open("INBOX", false)) {
                    assertTrue(a.messages(UidSet.all()).stream().allMatch(m -> m.recent()));
                    assertTrue(b.messages(UidSet.all()).stream().noneMatch(m -> m.recent()));
                    assertEquals(2, mb.status("INBOX").recent());
                    fill(mb, "INBOX", 1);
                    assertEquals(1, b.sync().recent());
                    assertEquals(2, a.sync().recent());
                }
            }
        }
    }

    @Test
    default void readOnlyViewRefusesChanges(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 1);
            mb.create("Other");
            try (MailboxView v = mb.open("INBOX", true)) {
                fails(StorageError.READ_ONLY, () -> v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.SEEN))));
                fails(StorageError.READ_ONLY, () -> v.expunge(null));
                fails(StorageError.READ_ONLY, () -> v.move(UidSet.all(), "Other"));
                assertEquals(1, v.copy(UidSet.all(), "Other").targetUids().size());
            }
        }
    }

    @Test
    default void sequenceHelpersMapBothWays(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 5);
            try (MailboxView v = mb.open("INBOX", false)) {
                assertEquals(UidSet.of(uids.get(1), uids.get(2), uids.get(3)), v.uidsOfSequences(2, 4));
                assertEquals(UidSet.of(uids.get(4)), v.uidsOfSequences(5, 99));
                assertEquals(3, v.seq(uids.get(2)));
                assertEquals(List.of(2, 4), v.messages(UidSet.of(uids.get(1), uids.get(3))).stream()
                        .map(m -> m.seq()).toList());
            }
        }
    }
}
