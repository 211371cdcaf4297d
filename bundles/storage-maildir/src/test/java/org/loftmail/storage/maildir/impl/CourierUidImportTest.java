package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A maildir left by Courier-IMAP, built by hand per Courier's file formats. */
class CourierUidImportTest {
    @TempDir
    Path mailbox;

    static void courierFixture(Path mailbox) throws IOException {
        MaildirFolders.ensureMaildir(mailbox);
        Files.writeString(mailbox.resolve("cur/1600000001.M1P1.courier,S=2:2,S"), "a\n");
        Files.writeString(mailbox.resolve("cur/1600000002.M1P1.courier,S=2:2,RS"), "b\n");
        Files.writeString(mailbox.resolve("new/1600000003.M1P1.courier,S=2"), "c\n");
        Files.writeString(mailbox.resolve("courierimapuiddb"), """
                1 1234567890 43
                7 1600000001.M1P1.courier,S=2
                9 1600000002.M1P1.courier,S=2
                42 1600000003.M1P1.courier,S=2
                """);
        Path kw = Files.createDirectories(mailbox.resolve("courierimapkeywords"));
        Files.writeString(kw.resolve(":list"), """
                $Label1
                Project

                1600000001.M1P1.courier,S=2:0 1
                1600000003.M1P1.courier,S=2:1
                """);
    }

    @Test
    void keepsUidsUidValidityAndKeywords() throws IOException {
        courierFixture(mailbox);
        assertTrue(CourierUidImport.importIfNeeded(mailbox, mailbox));
        MaildirUidList uids = MaildirUidList.open(mailbox);
        assertEquals(1234567890L, uids.uidValidity());
        assertEquals(43, uids.nextUid());
        List<MaildirScan.Message> messages = MaildirScan.scan(mailbox, uids, false);
        assertEquals(List.of(7L, 9L, 42L), messages.stream().map(MaildirScan.Message::uid).toList());
        MaildirKeywords keywords = MaildirKeywords.read(mailbox);
        assertEquals(Map.of(0, "$Label1", 1, "Project"), keywords.all());
        assertEquals(Set.of(0, 1), messages.get(0).name().keywords());
        assertEquals(Set.of(MaildirFlag.SEEN), messages.get(0).name().flags());
        assertEquals(Set.of(), messages.get(1).name().keywords());
        assertEquals(Set.of(1), messages.get(2).name().keywords());
        assertTrue(messages.get(2).inNew());
    }

    @Test
    void pendingCourierKeywordUpdatesOverrideTheList() throws IOException {
        courierFixture(mailbox);
        Path kw = mailbox.resolve("courierimapkeywords");
        Files.writeString(kw.resolve(".100.1600000002.M1P1.courier,S=2"), "Old\n");
        Files.writeString(kw.resolve(".200.1600000002.M1P1.courier,S=2"), "Newer\n$Label1\n");
        Files.writeString(kw.resolve("1600000003.M1P1.courier,S=2"), "");
        Files.writeString(kw.resolve(".999.1600000003.M1P1.courier,S=2"), "Ignored\n");
        assertTrue(CourierUidImport.importIfNeeded(mailbox, mailbox));
        MaildirKeywords keywords = MaildirKeywords.read(mailbox);
        List<MaildirScan.Message> messages = MaildirScan.scan(mailbox, MaildirUidList.open(mailbox), false);
        assertEquals(Set.of("$Label1", "Project"), names(keywords, messages.get(0)));
        assertEquals(Set.of("Newer", "$Label1"), names(keywords, messages.get(1)));
        assertEquals(Set.of(), names(keywords, messages.get(2)), "an empty update file removes all keywords");
    }

    private static Set<String> names(MaildirKeywords keywords, MaildirScan.Message m) {
        Set<String> names = new java.util.HashSet<>();
        m.name().keywords().forEach(k -> names.add(keywords.name(k)));
        return names;
    }

    @Test
    void doesNothingWhenThereIsADovecotUidlistAlready() throws IOException {
        courierFixture(mailbox);
        Files.writeString(mailbox.resolve("dovecot-uidlist"), "3 V1 N1 G00\n");
        assertFalse(CourierUidImport.importIfNeeded(mailbox, mailbox));
        assertEquals("3 V1 N1 G00\n", Files.readString(mailbox.resolve("dovecot-uidlist")));
    }

    @Test
    void doesNothingWithoutCourierFiles() throws IOException {
        MaildirFolders.ensureMaildir(mailbox);
        assertFalse(CourierUidImport.importIfNeeded(mailbox, mailbox));
        assertFalse(Files.exists(mailbox.resolve("dovecot-uidlist")));
    }

    @Test
    void keywordListWithDamagedIndexesKeepsTheRest() {
        Map<String, Set<String>> parsed = CourierUidImport.parseList(List.of("a", "b", "", "m1:0 x 7 1", "broken"));
        assertEquals(Map.of("m1", Set.of("a", "b")), parsed);
    }
}
