package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.contract.DriverContract;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * The core's message cache log as maildir keeps it ({@code loft-cache}): next to
 * {@code loft-index}, none with {@code INDEX=MEMORY}; a torn tail costs only the values in it,
 * and a log that is mostly values of expunged messages is rewritten when the mailbox closes.
 */
class CacheFileTest {

    @TempDir
    Path root;

    private CoreHarness harness(String options) {
        return new CoreHarness("maildir", new MaildirStorageDriver(), "maildir:" + root + "/%u" + options);
    }

    private static byte[] value(long uid, int size) {
        byte[] v = ("value of " + uid + " ").repeat(size / 10 + 1).getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(v, size);
    }

    /** Appends {@code n} messages to INBOX and caches a value of {@code size} octets for each. */
    private List<Long> fillAndCache(String options, int n, int size) throws Exception {
        try (CoreHarness h = harness(options)) {
            UserMailboxes mb = h.open("alice");
            List<Long> uids = DriverContract.fill(mb, "INBOX", n);
            try (MailboxView v = mb.open("INBOX", false)) {
                uids.forEach(uid -> v.cache().put(uid, "test.v", value(uid, size)));
            }
            return uids;
        }
    }

    private Optional<byte[]> cached(String options, long uid) throws Exception {
        try (CoreHarness h = harness(options); MailboxView v = h.open("alice").open("INBOX", true)) {
            return v.cache().get(uid, "test.v");
        }
    }

    private List<Path> cacheFiles() throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(CacheFile.NAME)).toList();
        }
    }

    @Test
    void theLogLivesNextToTheIndex() throws Exception {
        fillAndCache("", 2, 50);
        assertEquals(List.of(root.resolve("alice").resolve(CacheFile.NAME)), cacheFiles());
        assertTrue(Files.exists(root.resolve("alice").resolve(IndexFile.NAME)));
    }

    @Test
    void withIndexDirTheLogGoesThere() throws Exception {
        fillAndCache(":INDEX=" + root + "/index/%u", 2, 50);
        assertEquals(List.of(root.resolve("index/alice/.INBOX").resolve(CacheFile.NAME)), cacheFiles());
    }

    @Test
    void indexMemoryWritesNoLog() throws Exception {
        List<Long> uids = fillAndCache(":INDEX=MEMORY", 2, 50);
        assertEquals(List.of(), cacheFiles());
        assertEquals(Optional.empty(), cached(":INDEX=MEMORY", uids.get(0)));
    }

    @Test
    void theLogMovesWithARenamedMailbox() throws Exception {
        for (String options : List.of("", ":LAYOUT=fs:INDEX=" + root + "/index/%u")) {
            long uid;
            try (CoreHarness h = harness(options)) {
                UserMailboxes mb = h.open("alice");
                mb.create("Work");
                uid = DriverContract.fill(mb, "Work", 1).get(0);
                try (MailboxView v = mb.open("Work", false)) {
                    v.cache().put(uid, "test.v", value(uid, 40));
                }
                mb.rename("Work", "Play");
            }
            try (CoreHarness h = harness(options); MailboxView v = h.open("alice").open("Play", true)) {
                assertArrayEquals(value(uid, 40), v.cache().get(uid, "test.v").orElseThrow(), options);
            }
        }
    }

    @Test
    void aTornTailLosesOnlyItsValuesAndTheLogIsWrittenWholeAgain() throws Exception {
        List<Long> uids = fillAndCache("", 3, 100);
        Path log = root.resolve("alice").resolve(CacheFile.NAME);
        long whole = Files.size(log);
        try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(whole - 7); // the last record cut short, as by a crash during the append
        }
        try (CoreHarness h = harness(""); MailboxView v = h.open("alice").open("INBOX", false)) {
            assertArrayEquals(value(uids.get(0), 100), v.cache().get(uids.get(0), "test.v").orElseThrow());
            assertArrayEquals(value(uids.get(1), 100), v.cache().get(uids.get(1), "test.v").orElseThrow());
            assertEquals(Optional.empty(), v.cache().get(uids.get(2), "test.v"));
            v.cache().put(uids.get(2), "test.v", value(uids.get(2), 100));
        }
        assertArrayEquals(value(uids.get(2), 100), cached("", uids.get(2)).orElseThrow(),
                "the value put after the torn tail is readable");
        assertEquals(whole, Files.size(log));
    }

    @Test
    void garbageAfterTheLastRecordIsIgnored() throws Exception {
        List<Long> uids = fillAndCache("", 2, 100);
        Path log = root.resolve("alice").resolve(CacheFile.NAME);
        Files.write(log, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5, 6}, StandardOpenOption.APPEND);
        assertArrayEquals(value(uids.get(1), 100), cached("", uids.get(1)).orElseThrow());
    }

    @Test
    void aMostlyDeadLogIsCompactedWhenTheMailboxCloses() throws Exception {
        List<Long> uids = fillAndCache("", 100, 2000);
        Path log = root.resolve("alice").resolve(CacheFile.NAME);
        long before = Files.size(log);
        try (CoreHarness h = harness(""); MailboxView v = h.open("alice").open("INBOX", false)) {
            v.store(UidSet.range(uids.get(0), uids.get(89)), FlagChange.add(Flags.of(Flag.DELETED)));
            v.expunge(null);
            v.sync();
            v.cache().get(uids.get(95), "test.v"); // the log is only looked at when the cache is used
        }
        long after = Files.size(log);
        assertTrue(after < before / 5, "log of " + before + " octets now " + after);
        assertArrayEquals(value(uids.get(95), 2000), cached("", uids.get(95)).orElseThrow());
        assertFalse(cached("", uids.get(5)).isPresent());
    }
}
