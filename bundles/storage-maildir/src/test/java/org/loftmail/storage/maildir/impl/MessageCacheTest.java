package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * The driver's message cache ({@code loft-messages}): a cold open (a new store) whose {@code new/}
 * and {@code cur/} did not change takes the list from it without touching a message file; a
 * changed directory is listed again and only unknown files are stat'ed; a stamp recorded too fresh
 * is never trusted; a damaged or deleted cache is rebuilt with the same UIDs.
 */
class MessageCacheTest {
    private static final Instant DATE = Instant.parse("2022-03-04T05:06:07Z");
    private static final Instant OLD = Instant.now().minusSeconds(60);

    @TempDir
    Path root;

    private DriverStore store(String options) throws Exception {
        return new MaildirStorageDriver().open("u", root.resolve("Maildir") + options);
    }

    private static StoredMessage save(DriverMailbox mb, int n, Flags flags) throws Exception {
        byte[] body = ("Subject: " + n + "\n\nhello " + n + "\n").getBytes(StandardCharsets.US_ASCII);
        return mb.save(new ByteArrayInputStream(body), new SaveRequest(flags, DATE.plusSeconds(n), Instant.now(),
                "guid" + n));
    }

    /** Puts both directories' mtimes in the past, as after a quiet while (stamps "settled"). */
    private void settle() throws Exception {
        Path dir = root.resolve("Maildir");
        Files.setLastModifiedTime(dir.resolve("new"), FileTime.from(OLD));
        Files.setLastModifiedTime(dir.resolve("cur"), FileTime.from(OLD));
    }

    /** Sets every message file's mtime (INTERNALDATE) without touching the directories. */
    private void touchAllFiles(Instant when) throws Exception {
        Path dir = root.resolve("Maildir");
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> s = Files.list(dir.resolve(sub))) {
                for (Path p : s.toList()) {
                    Files.setLastModifiedTime(p, FileTime.from(when));
                }
            }
        }
    }

    private static Map<Long, StoredMessage> byUid(List<StoredMessage> list) {
        return list.stream().collect(Collectors.toMap(StoredMessage::uid, m -> m));
    }

    private Map<Long, StoredMessage> populate(String options) throws Exception {
        try (DriverStore st = store(options)) {
            st.create("INBOX");
            DriverMailbox mb = st.mailbox("INBOX");
            for (int i = 0; i < 5; i++) {
                save(mb, i, i % 2 == 0 ? Flags.NONE : Flags.of(Flag.SEEN));
            }
            settle();
            return byUid(mb.messages()); // a settled listing: written to the cache
        }
    }

    @Test
    void coldOpenOfAnUnchangedMaildirReadsNoMessageFile() throws Exception {
        Map<Long, StoredMessage> before = populate("");
        assertTrue(Files.exists(root.resolve("Maildir").resolve(MessageCache.NAME)));
        touchAllFiles(Instant.parse("2001-01-01T00:00:00Z")); // would change INTERNALDATE if stat'ed
        try (DriverStore st = store("")) {
            assertEquals(before, byUid(st.mailbox("INBOX").messages()), "all facts from the cache");
        }
    }

    @Test
    void aChangedDirectoryIsListedAndOnlyNewFilesAreStated() throws Exception {
        Map<Long, StoredMessage> before = populate("");
        touchAllFiles(Instant.parse("2001-01-01T00:00:00Z"));
        Path dropped = root.resolve("Maildir/new/1700000000.M1P1.other");
        Files.writeString(dropped, "Subject: dropped\n\nx\n");
        Files.setLastModifiedTime(dropped, FileTime.from(DATE));
        try (DriverStore st = store("")) {
            Map<Long, StoredMessage> after = byUid(st.mailbox("INBOX").messages());
            assertEquals(before.size() + 1, after.size());
            before.forEach((uid, m) -> assertEquals(m, after.get(uid), "known file keeps its cached facts"));
            StoredMessage added = after.get(after.keySet().stream().max(Long::compare).orElseThrow());
            assertEquals(DATE, added.internalDate(), "the new file was stat'ed");
        }
    }

    @Test
    void aChangeWithinTheSameTickAsTheRecordedStampIsNotMissed() throws Exception {
        Path dir = root.resolve("Maildir");
        FileTime curTime;
        try (DriverStore st = store("")) {
            st.create("INBOX");
            DriverMailbox mb = st.mailbox("INBOX");
            save(mb, 1, Flags.of(Flag.SEEN));
            assertEquals(1, mb.messages().size()); // listing with fresh stamps
            mb.writeIndex(new byte[] {1}); // the core persists: the cache is written, untrusted
            curTime = Files.getLastModifiedTime(dir.resolve("cur"));
        }
        MessageCache.Content c = new MessageCache(dir).read();
        assertNotNull(c);
        assertEquals(false, c.settled(), "a stamp younger than the settle time is not trusted");
        // another process adds a file in the same tick: cur/'s mtime stays what the cache recorded
        Files.writeString(dir.resolve("cur/1700000001.M2P2.other:2,S"), "Subject: same tick\n\nx\n");
        Files.setLastModifiedTime(dir.resolve("cur"), curTime);
        try (DriverStore st = store("")) {
            assertEquals(2, st.mailbox("INBOX").messages().size(), "the file added in the same tick is seen");
        }
    }

    @Test
    void aDamagedOrDeletedCacheIsRebuiltWithTheSameUids() throws Exception {
        Map<Long, StoredMessage> before = populate("");
        Path file = root.resolve("Maildir").resolve(MessageCache.NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // torn
        assertNull(new MessageCache(root.resolve("Maildir")).read());
        try (DriverStore st = store("")) {
            assertEquals(before, byUid(st.mailbox("INBOX").messages()));
        }
        assertNotNull(new MessageCache(root.resolve("Maildir")).read(), "rebuilt");
        bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20; // one bit flipped
        Files.write(file, bytes);
        try (DriverStore st = store("")) {
            assertEquals(before, byUid(st.mailbox("INBOX").messages()));
        }
        Files.delete(file);
        try (DriverStore st = store("")) {
            assertEquals(before, byUid(st.mailbox("INBOX").messages()));
        }
    }

    @Test
    void theCacheLivesInTheControlDirectory() throws Exception {
        Map<Long, StoredMessage> before = populate(":CONTROL=" + root.resolve("control"));
        assertTrue(Files.exists(root.resolve("control/.INBOX").resolve(MessageCache.NAME)));
        assertTrue(Files.notExists(root.resolve("Maildir").resolve(MessageCache.NAME)));
        touchAllFiles(Instant.parse("2001-01-01T00:00:00Z"));
        try (DriverStore st = store(":CONTROL=" + root.resolve("control"))) {
            assertEquals(before, byUid(st.mailbox("INBOX").messages()));
        }
    }

    @Test
    void aListKeptCurrentByOwnChangesIsTrustedOnceItsStampsSettle() throws Exception {
        Map<Long, StoredMessage> saved;
        try (DriverStore st = store("")) {
            st.create("INBOX");
            MaildirMailbox mb = (MaildirMailbox) st.mailbox("INBOX");
            assertTrue(mb.watching());
            mb.messages();
            save(mb, 1, Flags.NONE);
            save(mb, 2, Flags.of(Flag.SEEN));
            mb.writeIndex(new byte[] {1}); // right after the changes: not trusted
            assertEquals(false, new MessageCache(root.resolve("Maildir")).read().settled());
            Thread.sleep(Stamp.SETTLE.toMillis() + 200);
            mb.writeIndex(new byte[] {2}); // nothing changed since, stamps settled: trusted
            MessageCache.Content c = new MessageCache(root.resolve("Maildir")).read();
            assertTrue(c.settled());
            assertEquals(2, c.entries().size());
            saved = byUid(mb.messages());
        }
        touchAllFiles(Instant.parse("2001-01-01T00:00:00Z"));
        try (DriverStore st = store("")) {
            assertEquals(saved, byUid(st.mailbox("INBOX").messages()), "taken from the cache, no listing");
        }
    }

    @Test
    void aChangeByOthersSinceTheListingKeepsTheCacheUntrusted() throws Exception {
        try (DriverStore st = store("")) {
            st.create("INBOX");
            MaildirMailbox mb = (MaildirMailbox) st.mailbox("INBOX");
            mb.messages();
            save(mb, 1, Flags.NONE);
            Path dir = root.resolve("Maildir");
            FileTime stamp = Files.getLastModifiedTime(dir.resolve("new"));
            Files.writeString(dir.resolve("new/1700000000.M9P9.other"), "Subject: other\n\nx\n");
            Files.setLastModifiedTime(dir.resolve("new"), stamp); // hidden from the stamps, not from the watcher
            Thread.sleep(Stamp.SETTLE.toMillis() + 200);
            mb.writeIndex(new byte[] {1});
            assertEquals(false, new MessageCache(dir).read().settled());
        }
        try (DriverStore st = store("")) {
            assertEquals(2, st.mailbox("INBOX").messages().size());
        }
    }
}
