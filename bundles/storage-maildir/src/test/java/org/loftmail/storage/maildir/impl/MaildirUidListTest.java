package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaildirUidListTest {
    static final String DOVECOT_FILE = """
            3 V1795674716 N3 G4c6bad055cd2076be348000083ecc375
            1 :1795674716.M94925P18659.vm,S=28,W=32
            2 :1795674716.M124429P18660.vm,S=28,W=32
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheFileDovecotWrote() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), DOVECOT_FILE);
        MaildirUidList list = MaildirUidList.open(dir);
        assertEquals(1795674716L, list.uidValidity());
        assertEquals(3, list.nextUid());
        assertEquals("4c6bad055cd2076be348000083ecc375", list.guid().orElseThrow());
        assertEquals(2, list.byBase("1795674716.M124429P18660.vm,S=28,W=32").orElseThrow().uid());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # record                                                  | uid | base          | extensions
            5 :base1                                                  | 5   | base1         | {}
            7 G0123456789abcdef0123456789abcdef W1234 :base2,S=1200   | 7   | base2,S=1200  | {G=0123456789abcdef0123456789abcdef, W=1234}
            9 S10 W12 :base3:2,FS                                     | 9   | base3         | {S=10, W=12}
            4294967295 :last                                          | 4294967295 | last   | {}
            """)
    void recordsOfVersion3(String line, long uid, String base, String extensions) {
        UidListEntry e = UidListParser.entry(3, line);
        assertEquals(uid, e.uid());
        assertEquals(base, e.base());
        assertEquals(extensions, e.extensions().toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # line                     | the message contains
            3 V12 N1 Gx                | ''
            2 V1 N1                    | unsupported uidlist version '2'
            3 Vabc N1                  | not a number
            1 123                      | broken version 1
            """)
    void headers(String line, String fragment) {
        if (fragment.isEmpty()) {
            assertEquals(12, UidListParser.header(line).uidValidity());
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UidListParser.header(line));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # record                  | the message contains
            x :a                      | not a number
            0 :a                      | UID out of range
            5 G12                     | without ':<filename>'
            5                         | broken uidlist record
            """)
    void brokenRecords(String line, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UidListParser.entry(3, line));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void firstAppendCreatesTheFileInVersion3() throws IOException {
        MaildirUidList list = MaildirUidList.open(dir);
        assertFalse(list.exists());
        List<UidListEntry> added = list.append(List.of(new MaildirUidList.NewRecord("a"),
                new MaildirUidList.NewRecord("b", Map.of('W', "32"))));
        assertEquals(List.of(1L, 2L), added.stream().map(UidListEntry::uid).toList());
        String text = Files.readString(list.file());
        String guid = list.guid().orElseThrow();
        assertTrue(guid.matches("[0-9a-f]{32}"), guid);
        assertEquals("3 V" + list.uidValidity() + " N3 G" + guid + "\n1 :a\n2 W32 :b\n", text);
        assertFalse(Files.exists(dir.resolve("dovecot-uidlist.lock")));
    }

    @Test
    void appendAddsLinesAtTheEndAndKeepsTheHeader() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), DOVECOT_FILE);
        MaildirUidList list = MaildirUidList.open(dir);
        list.append(List.of(new MaildirUidList.NewRecord("new1"), new MaildirUidList.NewRecord(
                "1795674716.M94925P18659.vm,S=28,W=32")));
        assertEquals(DOVECOT_FILE + "3 :new1\n", Files.readString(list.file()));
        assertEquals(4, list.nextUid());
    }

    @Test
    void readsIncrementallyWhatAnotherWriterAppended() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), DOVECOT_FILE);
        MaildirUidList list = MaildirUidList.open(dir);
        assertFalse(list.refresh());
        Files.writeString(list.file(), "3 :x\n4 :half", StandardOpenOption.APPEND);
        assertTrue(list.refresh());
        assertEquals(3, list.byBase("x").orElseThrow().uid());
        assertTrue(list.byBase("half").isEmpty(), "a line still being written is not read");
        Files.writeString(list.file(), "-way\n", StandardOpenOption.APPEND);
        assertTrue(list.refresh());
        assertEquals(4, list.byBase("half-way").orElseThrow().uid());
        assertEquals(5, list.nextUid());
    }

    @Test
    void rereadsAfterARewriteByAnotherProcess() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), DOVECOT_FILE);
        MaildirUidList list = MaildirUidList.open(dir);
        MaildirUidList other = MaildirUidList.open(dir);
        other.rewrite(e -> e.uid() != 1);
        assertTrue(list.refresh());
        assertEquals(List.of(2L), list.entries().stream().map(UidListEntry::uid).toList());
    }

    @Test
    void rewriteDropsRecordsButNeverTheirUidsOrTheUidValidity() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), DOVECOT_FILE);
        MaildirUidList list = MaildirUidList.open(dir);
        list.rewrite(e -> e.uid() == 1);
        assertEquals("3 V1795674716 N3 G4c6bad055cd2076be348000083ecc375\n1 :1795674716.M94925P18659.vm,S=28,W=32\n",
                Files.readString(list.file()));
        assertEquals(3, list.append(List.of(new MaildirUidList.NewRecord("c"))).get(0).uid());
        list.rewrite(e -> false);
        assertEquals(4, MaildirUidList.open(dir).nextUid());
        assertEquals(1795674716L, MaildirUidList.open(dir).uidValidity());
    }

    @Test
    void readsVersion1() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), "1 1000 8\n3 a\n7 b:2,S\n");
        MaildirUidList list = MaildirUidList.open(dir);
        assertEquals(1000, list.uidValidity());
        assertEquals(8, list.nextUid());
        assertEquals(7, list.byBase("b").orElseThrow().uid());
        Files.writeString(list.file(), "9 c\n", StandardOpenOption.APPEND);
        assertTrue(list.refresh());
        assertEquals(9, list.byBase("c").orElseThrow().uid());
        assertEquals(10, list.nextUid());
    }

    @Test
    void appendingToVersion1RewritesInVersion3() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), "1 1000 8\n3 a\n7 b:2,S\n");
        MaildirUidList list = MaildirUidList.open(dir);
        list.append(List.of(new MaildirUidList.NewRecord("c")));
        String text = Files.readString(list.file());
        assertTrue(text.startsWith("3 V1000 N9 G"), text);
        assertTrue(text.endsWith("\n3 :a\n7 :b:2,S\n8 :c\n"), text); // names kept as written, flags included
        assertEquals(8, MaildirUidList.open(dir).byBase("c").orElseThrow().uid());
    }

    @Test
    void anEmptyFileIsNotAUidListYet() throws IOException {
        Files.writeString(dir.resolve("dovecot-uidlist"), "");
        MaildirUidList list = MaildirUidList.open(dir);
        assertFalse(list.exists());
        assertEquals(1, list.append(List.of(new MaildirUidList.NewRecord("a"))).get(0).uid());
        assertTrue(Files.readString(list.file()).startsWith("3 V"));
    }

    @Test
    void waitsForALockHeldByAnotherAndGivesUpWithAClearError() throws IOException {
        try (Dotlock held = Dotlock.acquire(dir.resolve("dovecot-uidlist"))) {
            Dotlock.LockTimeoutException e = assertThrows(Dotlock.LockTimeoutException.class,
                    () -> Dotlock.acquire(dir.resolve("dovecot-uidlist"), Duration.ofMinutes(2), Duration.ofMillis(50)));
            assertTrue(e.getMessage().contains("dovecot-uidlist.lock"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("dovecot-uidlist.lock")));
    }

    @Test
    void takesOverAStaleLock() throws IOException {
        Path lock = Files.createFile(dir.resolve("dovecot-uidlist.lock"));
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(3))));
        MaildirUidList list = MaildirUidList.open(dir);
        assertEquals(1, list.append(List.of(new MaildirUidList.NewRecord("a"))).get(0).uid());
        assertFalse(Files.exists(lock));
    }

    @Test
    void concurrentWritersNeverShareAUid() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    MaildirUidList own = MaildirUidList.open(dir);
                    List<Long> uids = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        uids.add(own.append(List.of(new MaildirUidList.NewRecord("w" + writer + "-" + i))).get(0).uid());
                    }
                    return uids;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get());
            }
            assertEquals(100, all.size());
            MaildirUidList reread = MaildirUidList.open(dir);
            assertEquals(100, reread.entries().size());
            assertEquals(101, reread.nextUid());
        } finally {
            pool.shutdownNow();
        }
    }
}
