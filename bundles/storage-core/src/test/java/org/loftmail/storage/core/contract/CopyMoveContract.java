package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loftmail.storage.core.contract.DriverContract.fails;
import static org.loftmail.storage.core.contract.DriverContract.fill;
import static org.loftmail.storage.core.contract.DriverContract.message;
import static org.loftmail.storage.core.contract.DriverContract.read;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.CopyResult;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.MessageSource;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** COPY and MOVE: the UID map for COPYUID, flags and dates kept, the source expunge of MOVE. */
public interface CopyMoveContract extends DriverContract {

    @Test
    default void copyReturnsTheUidMapAndKeepsFlagsDateAndContent(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Archive");
            fill(mb, "Archive", 1);
            Instant date = Instant.parse("2019-01-01T00:00:00Z");
            byte[] content = message("keep", "me");
            List<Long> src = mb.append("INBOX", List.of(
                    new AppendRequest(MessageSource.of(content), Flags.of(Flag.SEEN).withKeywords("Work"), date),
                    AppendRequest.of(message("two", "2")), AppendRequest.of(message("three", "3")))).uids();
            try (MailboxView v = mb.open("INBOX", false)) {
                CopyResult r = v.copy(UidSet.of(src.get(0), src.get(2)), "Archive");
                assertEquals(List.of(src.get(0), src.get(2)), r.sourceUids());
                assertEquals(2, r.targetUids().size());
                assertEquals(mb.status("Archive").uidValidity(), r.uidValidity());
                assertEquals(3, v.size(), "copy leaves the source alone");
                try (MailboxView t = mb.open("Archive", false)) {
                    MessageMeta copied = t.messages(UidSet.of(r.targetUids().get(0))).get(0).meta();
                    assertEquals(Flags.of(Flag.SEEN).withKeywords("Work"), copied.flags());
                    assertEquals(date, copied.internalDate());
                    assertArrayEquals(content, read(t.content(copied.uid()).open()));
                }
            }
        }
    }

    @Test
    default void moveExpungesTheSourceAtTheNextSync(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Junk");
            List<Long> src = fill(mb, "INBOX", 3);
            try (MailboxView v = mb.open("INBOX", false)) {
                CopyResult r = v.move(UidSet.of(src.get(1)), "Junk");
                assertEquals(List.of(src.get(1)), r.sourceUids());
                assertEquals(1, mb.status("Junk").messages());
                assertEquals(2, mb.status("INBOX").messages());
                assertEquals(3, v.size());
                assertEquals(List.of(2), v.sync().expunged());
            }
        }
    }

    @Test
    default void copyIntoTheSameMailboxAddsNewUids(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> src = fill(mb, "INBOX", 1);
            try (MailboxView v = mb.open("INBOX", false)) {
                CopyResult r = v.copy(UidSet.all(), "INBOX");
                assertEquals(1, r.targetUids().size());
                assertEquals(true, r.targetUids().get(0) > src.get(0));
                assertEquals(2, v.sync().exists());
            }
        }
    }

    @Test
    default void copyToAMissingMailboxFailsWithNotFound(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            fill(mb, "INBOX", 1);
            try (MailboxView v = mb.open("INBOX", false)) {
                fails(StorageError.NOT_FOUND, () -> v.copy(UidSet.all(), "Nowhere"));
                fails(StorageError.NOT_FOUND, () -> v.move(UidSet.all(), "Nowhere"));
                assertEquals(1, mb.status("INBOX").messages());
            }
        }
    }
}
