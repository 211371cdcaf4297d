package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.contract.AllStorageContracts;
import org.loftmail.storage.core.contract.DriverContract;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * The maildir driver with {@code LAYOUT=fs:INDEX=MEMORY} (no index files on disk: the core rebuilds its
 * state from the folders and dovecot-uidlist whenever a store is opened) runs every storage contract test
 * but one: modseqs live in the core's index blob, so after a restart they start again (higher, as
 * with Dovecot's {@code INDEX=MEMORY}); UIDVALIDITY, UIDs, UIDNEXT and flags survive. Message
 * cache values do not survive a new storage instance either.
 */
class MaildirIndexMemoryContractTest implements AllStorageContracts {

    @Override
    public StorageDriver driver(Path root) {
        return new MaildirStorageDriver();
    }

    @Override
    public String driverName() {
        return "maildir";
    }

    @Override
    public String mailLocation(Path root) {
        return "maildir:" + root + "/mail/%u:LAYOUT=fs:INDEX=MEMORY";
    }

    /** {@code INDEX=MEMORY} writes no cache file: values are derived again after a restart. */
    @Override
    public boolean persistsCache() {
        return false;
    }

    /** Replaces the contract's test of the same name: without index files modseqs do not survive. */
    @Test
    @Override
    public void uidValidityUidsAndModseqsSurviveReopening(@TempDir Path root) throws Exception {
        MailboxStatus before;
        List<MessageMeta> metas;
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = DriverContract.fill(mb, "INBOX", 3);
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.SEEN).withKeywords("$Work")));
                metas = v.messages(UidSet.all()).stream().map(m -> m.meta()).toList();
            }
            before = mb.status("INBOX");
        }
        try (CoreHarness h = harness(root)) { // a new driver: as after a restart
            UserMailboxes mb = h.open("alice");
            MailboxStatus after = mb.status("INBOX");
            assertEquals(before.uidValidity(), after.uidValidity());
            assertEquals(before.uidNext(), after.uidNext());
            assertTrue(after.highestModseq() >= before.highestModseq(), "HIGHESTMODSEQ went down");
            try (MailboxView v = mb.open("INBOX", true)) {
                List<MessageMeta> again = v.messages(UidSet.all()).stream().map(m -> m.meta()).toList();
                assertEquals(metas.stream().map(MessageMeta::uid).toList(), again.stream().map(MessageMeta::uid).toList());
                assertEquals(metas.get(0).flags(), again.get(0).flags());
            }
        }
    }
}
