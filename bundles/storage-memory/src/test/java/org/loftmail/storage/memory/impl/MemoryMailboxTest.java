package org.loftmail.storage.memory.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;

/** The driver's own semantics: revisions per handle, UIDs, sizes, content from an offset. */
class MemoryMailboxTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static StoredMessage save(DriverMailbox m, String content) throws StorageException {
        return m.save(new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)),
                new SaveRequest(Flags.NONE, T, T, "g"));
    }

    @Test
    void ownChangesKeepTheRevisionOthersMoveIt() throws Exception {
        DriverStore store = new MemoryDriver().open("u", "");
        store.create("INBOX");
        DriverMailbox core = store.mailbox("INBOX");
        DriverMailbox other = store.mailbox("INBOX");
        core.messages();
        long r = core.revision();
        long uid = save(core, "a\r\n").uid();
        core.setFlags(Map.of(uid, Flags.of(Flag.SEEN)));
        assertEquals(r, core.revision(), "own changes need no rescan");
        save(other, "b\r\n");
        long moved = core.revision();
        assertNotEquals(r, moved, "a change through another handle is seen");
        assertEquals(2, core.messages().size());
        assertEquals(moved, core.revision(), "listing catches up");
        save(core, "c\r\n");
        assertEquals(moved, core.revision());
    }

    @Test
    void uidsRiseSizesCountAndContentSeeks() throws Exception {
        DriverStore store = new MemoryDriver().open("u", "");
        store.create("INBOX");
        DriverMailbox m = store.mailbox("INBOX");
        StoredMessage a = save(m, "x\ny\n");
        StoredMessage b = save(m, "z\r\n");
        assertEquals(a.uid() + 1, b.uid());
        assertEquals(4, a.size());
        assertEquals(6, a.virtualSize());
        assertEquals("y\n", new String(m.open(a.uid(), 2).readAllBytes(), StandardCharsets.US_ASCII));
        m.expunge(List.of(a.uid()));
        assertEquals(StorageError.EXPUNGED, assertThrows(StorageException.class, () -> m.open(a.uid(), 0)).error());
        assertEquals(b.uid() + 1, m.nextUid(), "expunge never lowers the next UID");
    }

    @Test
    void mailboxesAreCreatedRenamedAndDeleted() throws Exception {
        DriverStore store = new MemoryDriver().open("u", "x");
        store.create("A");
        long validity = store.mailbox("A").uidValidity();
        store.rename("A", "B");
        assertEquals(List.of("B"), store.mailboxes());
        assertEquals(validity, store.mailbox("B").uidValidity());
        assertEquals(StorageError.EXISTS, assertThrows(StorageException.class, () -> store.create("B")).error());
        store.delete("B");
        assertEquals(StorageError.NOT_FOUND, assertThrows(StorageException.class, () -> store.mailbox("B")).error());
        store.create("B");
        assertNotEquals(validity, store.mailbox("B").uidValidity(), "a re-created mailbox gets a new UIDVALIDITY");
    }
}
