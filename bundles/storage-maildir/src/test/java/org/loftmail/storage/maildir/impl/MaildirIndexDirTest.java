package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * {@code INDEX=}: Loft's index files ({@code loft-index}, {@code loft-messages}) go into the
 * INDEX directory laid out as Dovecot 2.3 lays out its {@code dovecot.index*} there ({@code .INBOX}
 * and {@code .Work.Projects} for Maildir++, {@code INBOX} and {@code Work/Projects} for
 * {@code LAYOUT=fs}), while {@code dovecot-uidlist} stays with the mail or in {@code CONTROL=};
 * {@code INDEX=MEMORY} writes none of them.
 */
class MaildirIndexDirTest {
    private static final byte[] BLOB = {1, 2, 3, 4};
    private static final List<String> LOFT_FILES = List.of(IndexFile.NAME, MessageCache.NAME);

    @TempDir
    Path root;

    private DriverStore store(String location) throws Exception {
        return new MaildirStorageDriver().open("bob", location);
    }

    private static StoredMessage save(DriverMailbox mb, int n) throws Exception {
        byte[] body = ("Subject: " + n + "\n\nhello " + n + "\n").getBytes(StandardCharsets.US_ASCII);
        Instant now = Instant.now();
        return mb.save(new ByteArrayInputStream(body), new SaveRequest(Flags.NONE, now, now, "g" + n));
    }

    /** Creates the mailboxes, saves one message into each, lists it and writes an index blob. */
    private void populate(String location, List<String> names) throws Exception {
        try (DriverStore st = store(location)) {
            for (String name : names) {
                st.create(name);
                DriverMailbox mb = st.mailbox(name);
                mb.messages();
                save(mb, 1);
                assertEquals(1, mb.messages().size());
                mb.writeIndex(BLOB);
            }
        }
    }

    /** Every file named like one of Loft's index files under the test root, relative to it. */
    private Set<String> loftFiles() throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> LOFT_FILES.contains(p.getFileName().toString()))
                    .map(p -> root.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> expected(String... dirs) {
        Set<String> out = new TreeSet<>();
        for (String d : dirs) {
            for (String f : LOFT_FILES) {
                out.add(d + "/" + f);
            }
        }
        return out;
    }

    private void assertIndexReadable(String location, String name) throws Exception {
        try (DriverStore st = store(location)) {
            DriverMailbox mb = st.mailbox(name);
            assertArrayEquals(BLOB, mb.readIndex(), name);
            assertEquals(1, mb.messages().size(), name);
        }
    }

    @Test
    void maildirPlusPlusIndexFilesGoUnderIndexLikeDovecots() throws Exception {
        String location = root + "/mail/bob:INDEX=" + root + "/idx/bob";
        populate(location, List.of("INBOX", "Sent", "Work/Projects"));

        assertEquals(expected("idx/bob/.INBOX", "idx/bob/.Sent", "idx/bob/.Work.Projects"), loftFiles());
        // the uidlist stays with the mail (no CONTROL=)
        assertTrue(Files.exists(root.resolve("mail/bob/" + MaildirUidList.FILE)));
        assertTrue(Files.exists(root.resolve("mail/bob/.Sent/" + MaildirUidList.FILE)));
        assertTrue(Files.exists(root.resolve("mail/bob/.Work.Projects/" + MaildirUidList.FILE)));
        assertFalse(Files.exists(root.resolve("idx/bob/.Sent/" + MaildirUidList.FILE)));
        for (String name : List.of("INBOX", "Sent", "Work/Projects")) {
            assertIndexReadable(location, name);
        }
    }

    @Test
    void fsLayoutWithControlKeepsUidlistInControlAndIndexFilesInIndex() throws Exception {
        String location = root + "/mail/bob:LAYOUT=fs:CONTROL=" + root + "/ctl/bob:INDEX=" + root + "/idx/bob";
        populate(location, List.of("INBOX", "Sent", "Work/Projects"));

        assertEquals(expected("idx/bob/INBOX", "idx/bob/Sent", "idx/bob/Work/Projects"), loftFiles());
        assertTrue(Files.exists(root.resolve("ctl/bob/INBOX/" + MaildirUidList.FILE)));
        assertTrue(Files.exists(root.resolve("ctl/bob/Work/Projects/" + MaildirUidList.FILE)));
        assertFalse(Files.exists(root.resolve("mail/bob/" + MaildirUidList.FILE)));
        assertFalse(Files.exists(root.resolve("idx/bob/INBOX/" + MaildirUidList.FILE)));
        for (String name : List.of("INBOX", "Sent", "Work/Projects")) {
            assertIndexReadable(location, name);
        }
    }

    @Test
    void withoutIndexTheFilesStayNextToTheUidlist() throws Exception {
        populate(root + "/mail/bob:CONTROL=" + root + "/ctl/bob", List.of("INBOX", "Sent"));
        assertEquals(expected("ctl/bob/.INBOX", "ctl/bob/.Sent"), loftFiles());
        populate(root + "/m2/bob", List.of("INBOX", "Sent"));
        assertEquals(expected("ctl/bob/.INBOX", "ctl/bob/.Sent", "m2/bob", "m2/bob/.Sent"), loftFiles());
    }

    @Test
    void indexMemoryWritesNoIndexFiles() throws Exception {
        String location = root + "/mail/bob:INDEX=MEMORY";
        try (DriverStore st = store(location)) {
            st.create("INBOX");
            st.create("Sent");
            for (String name : List.of("INBOX", "Sent")) {
                DriverMailbox mb = st.mailbox(name);
                assertNull(mb.readIndex());
                save(mb, 1);
                save(mb, 2);
                assertEquals(2, mb.messages().size());
                mb.writeIndex(BLOB);
                assertArrayEquals(BLOB, mb.readIndex(), "kept in memory while the handle lives");
            }
        }
        assertEquals(Set.of(), loftFiles());
        try (DriverStore st = store(location)) {
            for (String name : List.of("INBOX", "Sent")) {
                DriverMailbox mb = st.mailbox(name);
                assertNull(mb.readIndex(), "a new store starts without an index");
                List<StoredMessage> list = mb.messages();
                assertEquals(List.of(1L, 2L), list.stream().map(StoredMessage::uid).toList(),
                        "UIDs rebuilt from dovecot-uidlist");
            }
        }
        assertEquals(Set.of(), loftFiles());
        assertTrue(Files.exists(root.resolve("mail/bob/.Sent/" + MaildirUidList.FILE)));
    }

    @Test
    void renameAndDeleteTakeTheIndexDirectoryAlong() throws Exception {
        String location = root + "/mail/bob:INDEX=" + root + "/idx/bob";
        populate(location, List.of("INBOX", "Sent", "Work/Projects"));
        try (DriverStore st = store(location)) {
            st.rename("Sent", "Archive");
            st.rename("INBOX", "Old");
            st.delete("Work/Projects");
        }
        assertEquals(expected("idx/bob/.Archive", "idx/bob/.Old"), loftFiles());
        assertFalse(Files.exists(root.resolve("idx/bob/.Work.Projects")));
        assertIndexReadable(location, "Archive");
        assertIndexReadable(location, "Old");
        try (DriverStore st = store(location)) {
            assertNull(st.mailbox("INBOX").readIndex(), "the new INBOX has no index yet");
        }
    }

    @Test
    void renameOfAMailboxNeverOpenedHasNoIndexDirectoryToMove() throws Exception {
        String location = root + "/mail/bob:LAYOUT=fs:INDEX=" + root + "/idx/bob";
        try (DriverStore st = store(location)) {
            st.create("INBOX");
            st.create("A");
            st.rename("A", "B");
            st.delete("B");
            assertEquals(List.of("INBOX"), st.mailboxes());
        }
        assertEquals(Set.of(), loftFiles());
    }

    @Test
    void dovecotAndLoftShareTheIndexDirectory() throws Exception {
        Doveadm dovecot = new Doveadm(root, ":INDEX=" + root + "/idx/%u");
        dovecot.run("mailbox", "create", "Sent");
        dovecot.save("INBOX", DovecotInteropTest.MESSAGE);
        dovecot.save("Sent", DovecotInteropTest.MESSAGE);
        String location = dovecot.maildir() + ":INDEX=" + root + "/idx/" + Doveadm.USER;
        try (DriverStore st = new MaildirStorageDriver().open(Doveadm.USER, location)) {
            for (String name : List.of("INBOX", "Sent")) {
                DriverMailbox mb = st.mailbox(name);
                assertEquals(1, mb.messages().size());
                save(mb, 2);
                mb.messages();
                mb.writeIndex(BLOB);
            }
        }
        for (String dir : List.of(".INBOX", ".Sent")) {
            Path idx = root.resolve("idx/" + Doveadm.USER + "/" + dir);
            assertTrue(Files.exists(idx.resolve(IndexFile.NAME)), dir);
            assertTrue(Files.exists(idx.resolve("dovecot.index.log")), "Dovecot's index next to Loft's in " + dir);
        }
        assertEquals(Set.of(1L, 2L), dovecot.uidFlags("INBOX").keySet());
        assertEquals(Set.of(1L, 2L), dovecot.uidFlags("Sent").keySet());
    }

    @Test
    void indexPathFollowsDovecotsLayoutUnderIndex() {
        MaildirFolders pp = new MaildirFolders(MailLocation.parse("maildir:/m:INDEX=/i", "bob", null));
        assertEquals(Path.of("/i/.INBOX"), pp.indexPath("INBOX"));
        assertEquals(Path.of("/i/.Sent"), pp.indexPath("Sent"));
        assertEquals(Path.of("/i/.Work.Projects"), pp.indexPath("Work/Projects"));
        assertEquals(Path.of("/m/.Sent"), pp.controlPath("Sent"));
        MaildirFolders fs = new MaildirFolders(MailLocation.parse("maildir:/m:LAYOUT=fs:CONTROL=/c:INDEX=/i", "bob", null));
        assertEquals(Path.of("/i/INBOX"), fs.indexPath("INBOX"));
        assertEquals(Path.of("/i/Work/Projects"), fs.indexPath("Work/Projects"));
        assertEquals(Path.of("/c/Work/Projects"), fs.controlPath("Work/Projects"));
        MaildirFolders plain = new MaildirFolders(MailLocation.parse("maildir:/m:CONTROL=/c", "bob", null));
        assertEquals(Path.of("/c/.INBOX"), plain.indexPath("INBOX"), "no INDEX=: next to the uidlist");
        assertEquals(Path.of("/m"), new MaildirFolders(MailLocation.parse("maildir:/m", "bob", null)).indexPath("INBOX"));
        MaildirFolders memory = new MaildirFolders(MailLocation.parse("maildir:/m:INDEX=memory", "bob", null));
        assertNull(memory.indexPath("INBOX"));
        assertNull(memory.indexPath("Sent"));
    }
}
