package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fill;
import static org.loftmail.storage.core.contract.DriverContract.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.MessageSource;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** UID and MODSEQ rules: strictly increasing, never reused, UIDVALIDITY stable, every change a new modseq. */
public interface UidModseqContract extends DriverContract {

    @Test
    default void appendAssignsStrictlyIncreasingUidsInRequestOrder(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> first = fill(mb, "INBOX", 3);
            List<Long> second = fill(mb, "INBOX", 2);
            assertEquals(3, first.size());
            for (int i = 1; i < first.size(); i++) {
                assertTrue(first.get(i) > first.get(i - 1));
            }
            assertTrue(second.get(0) > first.get(2));
            MailboxStatus st = mb.status("INBOX");
            assertEquals(5, st.messages());
            assertTrue(st.uidNext() > second.get(1));
        }
    }

    @Test
    default void uidsAreNeverReusedAfterExpunge(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 2);
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uids.get(1)), FlagChange.add(Flags.of(Flag.DELETED)));
                assertEquals(List.of(uids.get(1)), v.expunge(null));
            }
            long next = fill(mb, "INBOX", 1).get(0);
            assertTrue(next > uids.get(1), "UID " + next + " reuses an expunged one");
        }
    }

    @Test
    default void uidValidityUidsAndModseqsSurviveReopening(@TempDir Path root) throws Exception {
        MailboxStatus before;
        List<MessageMeta> metas;
        StorageDriverHolder holder = new StorageDriverHolder(driver(root));
        try (CoreHarness h = holder.harness(this, root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = fill(mb, "INBOX", 3);
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.SEEN).withKeywords("$Work")));
                metas = v.messages(UidSet.all()).stream().map(m -> m.meta()).toList();
            }
            before = mb.status("INBOX");
        }
        try (CoreHarness h = holder.harness(this, root)) {
            UserMailboxes mb = h.open("alice");
            MailboxStatus after = mb.status("INBOX");
            assertEquals(before.uidValidity(), after.uidValidity());
            assertEquals(before.highestModseq(), after.highestModseq());
            assertEquals(before.uidNext(), after.uidNext());
            try (MailboxView v = mb.open("INBOX", true)) {
                List<MessageMeta> again = v.messages(UidSet.all()).stream().map(m -> m.meta()).toList();
                assertEquals(metas.stream().map(MessageMeta::uid).toList(), again.stream().map(MessageMeta::uid).toList());
                assertEquals(metas.stream().map(MessageMeta::modseq).toList(),
                        again.stream().map(MessageMeta::modseq).toList());
                assertEquals(metas.get(0).flags(), again.get(0).flags());
            }
        }
    }

    @Test
    default void everyChangeGetsAHigherModseqAndMessagesCarryTheirs(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            long empty = mb.status("INBOX").highestModseq();
            assertTrue(empty >= 1, "highestmodseq of an empty mailbox is at least 1");
            List<Long> uids = fill(mb, "INBOX", 2);
            long afterAppend = mb.status("INBOX").highestModseq();
            assertTrue(afterAppend > empty);
            try (MailboxView v = mb.open("INBOX", false)) {
                var changed = v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.FLAGGED))).changed();
                long afterStore = mb.status("INBOX").highestModseq();
                assertTrue(afterStore > afterAppend);
                assertEquals(afterStore, changed.get(0).meta().modseq());
                assertEquals(afterAppend, v.messages(UidSet.of(uids.get(1))).get(0).meta().modseq());
                v.store(UidSet.of(uids.get(1)), FlagChange.add(Flags.of(Flag.DELETED)));
                long beforeExpunge = mb.status("INBOX").highestModseq();
                v.expunge(null);
                assertTrue(mb.status("INBOX").highestModseq() > beforeExpunge);
            }
        }
    }

    @Test
    default void statusCountsMessagesUnseenRecentAndSize(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            byte[] a = message("a", "x");
            byte[] b = message("b", "yy");
            mb.append("INBOX", List.of(new AppendRequest(MessageSource.of(a), Flags.of(Flag.SEEN), null),
                    AppendRequest.of(b)));
            MailboxStatus st = mb.status("INBOX");
            assertEquals(2, st.messages());
            assertEquals(1, st.unseen());
            assertEquals(2, st.recent());
            assertEquals(a.length + b.length, st.size());
        }
    }

    @Test
    default void sizesDatesAndFlagsAreStoredAsGiven(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            byte[] bareLf = "Subject: lf\n\nline one\nline two\n".getBytes(StandardCharsets.US_ASCII);
            Instant date = Instant.parse("2020-02-03T04:05:06Z");
            Flags flags = Flags.of(Flag.ANSWERED, Flag.DRAFT).withKeywords("$Label1", "NonJunk");
            long uid = mb.append("INBOX", List.of(new AppendRequest(MessageSource.of(bareLf), flags, date)))
                    .uids().get(0);
            try (MailboxView v = mb.open("INBOX", true)) {
                MessageMeta m = v.messages(UidSet.of(uid)).get(0).meta();
                assertEquals(bareLf.length, m.size());
                assertEquals(bareLf.length + 4, m.virtualSize(), "four bare LFs count as CRLF");
                assertEquals(date, m.internalDate());
                assertEquals(flags, m.flags());
                assertTrue(!m.guid().isEmpty());
                assertTrue(!m.saveDate().isBefore(date));
            }
        }
    }

    @Test
    default void aFailedMultiAppendLeavesNothingBehind(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            long before = mb.status("INBOX").uidNext();
            MessageSource broken = () -> {
                throw new java.io.IOException("the client went away");
            };
            DriverContract.fails(org.loftmail.api.storage.StorageError.TEMPORARY, () -> mb.append("INBOX",
                    List.of(AppendRequest.of(message("ok", "1")), new AppendRequest(broken, Flags.NONE, null))));
            assertEquals(0, mb.status("INBOX").messages());
            long next = fill(mb, "INBOX", 1).get(0);
            assertTrue(next >= before, "UIDs handed out by the failed append are not reused below UIDNEXT");
            assertEquals(1, mb.status("INBOX").messages());
        }
    }

    /** Reopens the same driver instance, so the second harness sees what the first stored. */
    record StorageDriverHolder(org.loftmail.api.storage.spi.StorageDriver driver) {
        CoreHarness harness(DriverContract c, Path root) {
            return new CoreHarness(c.driverName(), driver, c.mailLocation(root));
        }
    }
}
