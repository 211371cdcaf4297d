package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;
import org.loftmail.storage.core.contract.DriverContract;

/** The driver's own maildir semantics, seen in the files: names, letters, uidlist, index blob, revision. */
class MaildirMailboxTest {
    private static final Instant DATE = Instant.parse("2022-03-04T05:06:07Z");
    private static final byte[] BODY = "Subject: x\n\nhello\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;
    private DriverStore store;
    private DriverMailbox inbox;

    @BeforeEach
    void open() throws Exception {
        store = new MaildirStorageDriver().open("u", root.toString());
        store.create("INBOX");
        inbox = store.mailbox("INBOX");
    }

    private StoredMessage save(Flags flags) throws StorageException {
        return inbox.save(new ByteArrayInputStream(BODY), new SaveRequest(flags, DATE, Instant.now(), "0123abcd"));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savedMessagesAreMaildirFilesWithLettersUidlistRecordsAndTheirDate() throws Exception {
        StoredMessage plain = save(Flags.NONE);
        StoredMessage flagged = save(Flags.of(Flag.SEEN, Flag.DELETED).withKeywords("Work"));
        assertEquals(plain.uid() + 1, flagged.uid());
        assertEquals(BODY.length, plain.size());
        assertEquals(BODY.length + 3, plain.virtualSize());
        List<String> inNew = names(root.resolve("new"));
        List<String> inCur = names(root.resolve("cur"));
        assertEquals(1, inNew.size());
        assertTrue(inNew.get(0).endsWith(",S=" + BODY.length + ",W=" + (BODY.length + 3)), inNew.get(0));
        assertEquals(1, inCur.size());
        assertTrue(inCur.get(0).endsWith(":2,STa"), inCur.get(0));
        assertEquals("0 Work\n", Files.readString(root.resolve(MaildirKeywords.FILE)));
        assertEquals(DATE, Files.getLastModifiedTime(root.resolve("cur").resolve(inCur.get(0))).toInstant());
        String uidlist = Files.readString(root.resolve(MaildirUidList.FILE));
        assertTrue(uidlist.contains("\n" + flagged.uid() + " G0123abcd :" + inCur.get(0) + "\n"),
                uidlist);

        List<StoredMessage> listed = store.mailbox("INBOX").messages();
        assertEquals(List.of(plain, flagged), listed, "a fresh handle reads back what save returned");
    }

    @Test
    void flagChangesRenameTheFileAndKeepLettersLoftDoesNotSet() throws Exception {
        Path dropped = root.resolve("cur").resolve("1600000000.M1P2.host:2,P");
        Files.write(dropped, BODY);
        long uid = inbox.messages().get(0).uid();
        inbox.setFlags(Map.of(uid, Flags.of(Flag.ANSWERED, Flag.FLAGGED).withKeywords("$Label1")));
        assertEquals(List.of("1600000000.M1P2.host:2,FPRa"), names(root.resolve("cur")));
        assertEquals(Flags.of(Flag.ANSWERED, Flag.FLAGGED).withKeywords("$Label1"), inbox.messages().get(0).flags());
        StoredMessage m = inbox.messages().get(0);
        assertEquals(BODY.length, m.size(), "no S= in the name: the file's size");
        assertEquals(BODY.length + 3, m.virtualSize(), "no W=: bare LFs counted");
        assertEquals("1600000000.M1P2.host", m.guid(), "no G record: the base name, as Dovecot");
        assertEquals(Instant.ofEpochSecond(1600000000, 1000), m.saveDate());
    }

    @Test
    void contentIsFoundAgainAfterAnotherProcessRenamedTheFileAndIsGoneAfterExpunge() throws Exception {
        StoredMessage m = save(Flags.NONE);
        Path file = root.resolve("new").resolve(names(root.resolve("new")).get(0));
        Files.move(file, root.resolve("cur").resolve(file.getFileName() + ":2,S"));
        assertArrayEquals("hello\n".getBytes(StandardCharsets.US_ASCII),
                DriverContract.read(inbox.open(m.uid(), BODY.length - 6)));
        assertEquals(Flags.of(Flag.SEEN), inbox.messages().get(0).flags());
        inbox.expunge(List.of(m.uid()));
        assertEquals(List.of(), names(root.resolve("cur")));
        assertEquals(StorageError.EXPUNGED, DriverContract.fails(StorageError.EXPUNGED,
                () -> inbox.open(m.uid(), 0)).error());
        assertEquals(m.uid() + 1, inbox.nextUid(), "expunge keeps the uidlist's next UID");
    }

    @Test
    void theIndexBlobIsReplacedWholeAndLeavesNoTemporaryFile() throws Exception {
        assertNull(inbox.readIndex());
        inbox.writeIndex(new byte[] {1, 2, 3});
        inbox.writeIndex(new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, store.mailbox("INBOX").readIndex());
        assertEquals(List.of(IndexFile.NAME), names(root).stream().filter(n -> n.startsWith("loft")).toList());
    }

    @Test
    void theRevisionStaysWhileNothingChangesAndMovesWhenAnotherProcessDelivers() throws Exception {
        save(Flags.of(Flag.SEEN));
        inbox.messages();
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        for (String p : List.of("new", "cur", MaildirUidList.FILE)) {
            Files.setLastModifiedTime(root.resolve(p), old);
        }
        long settled = inbox.revision();
        assertEquals(settled, inbox.revision(), "settled stamps: no reread needed");
        Files.write(root.resolve("new").resolve("1700000000.M5P6.elsewhere"), BODY);
        assertNotEquals(settled, inbox.revision(), "a file dropped into new/ by an MDA");
        assertEquals(2, inbox.messages().size());
    }

    @Test
    void aKeywordBeyondTheTwentySixLettersIsRefusedAndChangesNothing() throws Exception {
        long uid = save(Flags.NONE).uid();
        String[] many = new String[26];
        for (int i = 0; i < many.length; i++) {
            many[i] = "k" + i;
        }
        inbox.setFlags(Map.of(uid, Flags.NONE.withKeywords(many)));
        List<String> before = names(root.resolve("cur"));
        DriverContract.fails(StorageError.NOT_POSSIBLE,
                () -> inbox.setFlags(Map.of(uid, Flags.of(Flag.SEEN).withKeywords("one-too-many"))));
        assertEquals(before, names(root.resolve("cur")));
    }

    @Test
    void renamingInboxKeepsItsUidValidityOnTheTargetAndGivesInboxANewOne() throws Exception {
        save(Flags.NONE);
        long validity = inbox.uidValidity();
        store.rename("INBOX", "Old");
        assertEquals(validity, store.mailbox("Old").uidValidity());
        assertEquals(1, store.mailbox("Old").messages().size());
        assertTrue(Files.exists(root.resolve(".Old").resolve(MaildirFolders.MARKER)));
        DriverMailbox fresh = store.mailbox("INBOX");
        assertNotEquals(validity, fresh.uidValidity());
        assertEquals(List.of(), fresh.messages());
        store.delete("Old");
        store.create("Old");
        assertTrue(store.mailbox("Old").uidValidity() > fresh.uidValidity(), "a re-created mailbox is new");
        assertEquals(Set.of("INBOX", "Old"), Set.copyOf(store.mailboxes()));
    }

    @Test
    void withControlTheUidlistKeywordsAndIndexLiveApartFromTheMail() throws Exception {
        DriverStore apart = new MaildirStorageDriver().open("u", root + "/mail:CONTROL=" + root + "/control");
        apart.create("INBOX");
        apart.create("Box");
        DriverMailbox box = apart.mailbox("Box");
        box.save(new ByteArrayInputStream(BODY), new SaveRequest(Flags.NONE.withKeywords("k"), DATE, DATE, "g"));
        box.writeIndex(new byte[] {9});
        apart.rename("Box", "Moved");
        Path control = root.resolve("control").resolve(".Moved");
        assertEquals(List.of(MaildirKeywords.FILE, MaildirUidList.FILE, IndexFile.NAME), names(control));
        assertEquals(List.of("cur", MaildirFolders.MARKER, "new", "tmp"), names(root.resolve("mail").resolve(".Moved")));
        assertArrayEquals(new byte[] {9}, apart.mailbox("Moved").readIndex());
        assertEquals(Flags.NONE.withKeywords("k"), apart.mailbox("Moved").messages().get(0).flags());
    }
}
