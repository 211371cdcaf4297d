package org.loftmail.storage.memory.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Changes;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.SyncResult;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.storage.core.contract.DriverContract;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * Changes made behind the core's back, straight through the driver (as another process would on
 * a maildir), get fresh modseqs and reach views at their next sync.
 */
class ExternalChangesTest {

    @Test
    void driverLevelChangesGetModseqsAndReachViews() throws Exception {
        MemoryDriver driver = new MemoryDriver();
        try (CoreHarness h = new CoreHarness("memory", driver, "memory:")) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = DriverContract.fill(mb, "INBOX", 3);
            DriverMailbox behind = driver.open("alice", "").mailbox("INBOX");
            try (MailboxView v = mb.open("INBOX", false)) {
                long base = mb.status("INBOX").highestModseq();
                behind.setFlags(Map.of(uids.get(0), Flags.of(Flag.SEEN)));
                behind.expunge(List.of(uids.get(1)));
                Instant now = Instant.now();
                long dropped = behind.save(new ByteArrayInputStream(DriverContract.message("mda", "x")),
                        new SaveRequest(Flags.NONE, now, now, "guid-mda")).uid();

                SyncResult s = v.sync();
                assertEquals(List.of(2), s.expunged());
                assertEquals(3, s.exists());
                assertEquals(List.of(uids.get(0)), s.flagUpdates().stream().map(m -> m.uid()).toList());
                assertEquals(dropped, v.uid(3));
                assertTrue(s.highestModseq() > base);

                Changes c = v.changesSince(base);
                assertEquals(List.of(uids.get(0), dropped), c.changed().stream().map(m -> m.uid()).toList());
                assertEquals(List.of(uids.get(1)), c.vanished().ranges().stream().map(r -> r.first()).toList());
                assertTrue(v.sync().flagUpdates().isEmpty(), "nothing new the second time");
            }
        }
    }
}
