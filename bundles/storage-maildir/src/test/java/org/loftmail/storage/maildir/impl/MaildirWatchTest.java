package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.SyncResult;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * Watching new/ and cur/ while a mailbox handle is open: a file another program drops is noticed
 * without any storage call, own changes are not reported (and need no reread), a change hidden by
 * a coarse mtime is still reported, and closing the store stops watching.
 */
class MaildirWatchTest {
    private static final byte[] BODY = "Subject: x\n\nhello\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private static void save(MaildirMailbox mb, Flags flags) throws Exception {
        Instant now = Instant.now();
        mb.save(new ByteArrayInputStream(BODY), new SaveRequest(flags, now, now, "g" + System.nanoTime()));
    }

    @Test
    void aFileDroppedIntoNewIsReportedWithoutAnyStorageCall() throws Exception {
        MaildirStorageDriver driver = new MaildirStorageDriver();
        try (MaildirStore store = (MaildirStore) driver.open("u", root.toString())) {
            store.create("INBOX");
            LinkedBlockingQueue<String> changed = new LinkedBlockingQueue<>();
            store.onChange(changed::add);
            MaildirMailbox inbox = (MaildirMailbox) store.mailbox("INBOX");
            assertTrue(inbox.watching());
            long before = inbox.revision();
            assertEquals(0, inbox.messages().size());

            Files.write(root.resolve("new/1700000000.M1P1.mda"), BODY); // plain file I/O, no storage call
            assertEquals("INBOX", changed.poll(1, TimeUnit.SECONDS), "noticed within a second");
            assertNotEquals(before, inbox.revision());
            assertEquals(1, inbox.messages().size());
        }
        assertEquals(0, driver.watcher().watched(), "closing the store stops watching");
    }

    @Test
    void ownChangesAreNotReportedAndNeedNoReread() throws Exception {
        try (MaildirStore store = (MaildirStore) new MaildirStorageDriver().open("u", root.toString())) {
            store.create("INBOX");
            LinkedBlockingQueue<String> changed = new LinkedBlockingQueue<>();
            store.onChange(changed::add);
            MaildirMailbox inbox = (MaildirMailbox) store.mailbox("INBOX");
            inbox.messages();
            long r = inbox.revision();
            save(inbox, Flags.NONE);
            save(inbox, Flags.of(Flag.SEEN));
            assertEquals(r, inbox.revision(), "own saves: no reread");
            long first = inbox.messages().get(0).uid();
            r = inbox.revision();
            inbox.setFlags(Map.of(first, Flags.of(Flag.FLAGGED)));
            inbox.expunge(List.of(first + 1));
            assertEquals(r, inbox.revision(), "own flag changes and expunges: no reread");
            assertEquals(null, changed.poll(300, TimeUnit.MILLISECONDS), "nothing reported");
            assertEquals(1, inbox.messages().size());
        }
    }

    @Test
    void aChangeInTheSameTickAsAnOwnChangeIsStillReported() throws Exception {
        try (MaildirStore store = (MaildirStore) new MaildirStorageDriver().open("u", root.toString())) {
            store.create("INBOX");
            LinkedBlockingQueue<String> changed = new LinkedBlockingQueue<>();
            store.onChange(changed::add);
            MaildirMailbox inbox = (MaildirMailbox) store.mailbox("INBOX");
            inbox.messages();
            save(inbox, Flags.NONE);
            long r = inbox.revision();
            FileTime stamp = Files.getLastModifiedTime(root.resolve("new"));
            // another process delivers; new/'s mtime stays the same (as within one coarse tick)
            Files.write(root.resolve("new/1700000000.M2P2.mda"), BODY);
            Files.setLastModifiedTime(root.resolve("new"), stamp);
            assertEquals("INBOX", changed.poll(1, TimeUnit.SECONDS));
            assertNotEquals(r, inbox.revision(), "the watch event moves the revision");
            assertEquals(2, inbox.messages().size());
        }
    }

    @Test
    void sessionsSeeADroppedFileAtTheirNextSync() throws Exception {
        String location = "maildir:" + root + "/%u";
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open("kim");
            mb.append("INBOX", List.of(AppendRequest.of(BODY)));
            try (MailboxView v = mb.open("INBOX", false)) {
                assertEquals(1, v.size());
                Files.write(root.resolve("kim/new/1700000000.M3P3.mda"), BODY);
                Files.setLastModifiedTime(root.resolve("kim/new"),
                        Files.getLastModifiedTime(root.resolve("kim/new"))); // nothing special
                SyncResult s = v.sync();
                assertEquals(2, s.exists());
            }
        }
    }
}
