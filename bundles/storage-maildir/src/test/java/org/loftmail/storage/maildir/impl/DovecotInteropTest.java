package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same maildir through real Dovecot 2.3 (doveadm) and through these classes. */
class DovecotInteropTest {
    static final String MESSAGE = "From: a@example.org\nSubject: hi\n\nbody\n";

    @TempDir
    Path base;

    @Test
    void aMaildirWrittenByDovecotReadsTheSame() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        for (int i = 0; i < 4; i++) {
            dovecot.save("INBOX", MESSAGE);
        }
        dovecot.run("flags", "add", "\\Seen \\Flagged kw1 $Junk", "mailbox", "INBOX", "uid", "1");
        dovecot.run("flags", "add", "\\Answered \\Deleted", "mailbox", "INBOX", "uid", "2");
        dovecot.run("flags", "add", "\\Draft $Label1", "mailbox", "INBOX", "uid", "4");
        dovecot.run("expunge", "mailbox", "INBOX", "uid", "3");
        dovecot.run("mailbox", "create", "Sent", "Work/Projects", "Entwürfe");
        dovecot.run("mailbox", "subscribe", "Sent", "Work/Projects", "Entwürfe");
        dovecot.save("Work/Projects", MESSAGE);
        dovecot.save("Work/Projects", MESSAGE);
        dovecot.run("flags", "add", "\\Seen", "mailbox", "Work/Projects", "uid", "2");

        Map<Long, TreeSet<String>> inbox = new LinkedHashMap<>();
        inbox.put(1L, new TreeSet<>(Set.of("\\Seen", "\\Flagged", "kw1", "$Junk")));
        inbox.put(2L, new TreeSet<>(Set.of("\\Answered", "\\Deleted")));
        inbox.put(4L, new TreeSet<>(Set.of("\\Draft", "$Label1")));
        assertEquals(inbox, dovecot.uidFlags("INBOX"), "what Dovecot itself reports");

        MaildirFolders folders = new MaildirFolders(dovecot.location(""));
        assertEquals(inbox, loftView(folders.path("INBOX"), MaildirUidList.open(folders.path("INBOX"))));
        for (String mailbox : List.of("INBOX", "Work/Projects")) {
            Path dir = folders.path(mailbox);
            MaildirUidList uids = MaildirUidList.open(dir);
            assertEquals(dovecot.status("uidvalidity", mailbox), Long.toString(uids.uidValidity()), mailbox);
            assertEquals(dovecot.status("uidnext", mailbox), Long.toString(uids.nextUid()), mailbox);
            assertEquals(dovecot.uidFlags(mailbox), loftView(dir, uids), mailbox);
        }
        assertEquals(dovecot.mailboxes(false), folders.list().stream().map(MaildirFolders.Folder::name).sorted().toList());
        assertEquals(dovecot.mailboxes(true), folders.subscriptions().read().stream().sorted().toList());
        assertEquals(List.of(), dovecot.complaints());
    }

    @Test
    void aMaildirWrittenByLoftReadsTheSameInDovecot() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        MaildirFolders folders = new MaildirFolders(dovecot.location(""));
        MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());
        Path inbox = folders.create("INBOX");
        MaildirKeywords keywords = MaildirKeywords.read(inbox);
        int important = keywords.assign("Important").orElseThrow();
        int junk = keywords.assign("$Junk").orElseThrow();
        deliver(delivery, inbox, MaildirDelivery.Target.NEW, Set.of(), Set.of());
        deliver(delivery, inbox, MaildirDelivery.Target.CUR, EnumSet.of(MaildirFlag.SEEN, MaildirFlag.FLAGGED),
                Set.of(important, junk));
        deliver(delivery, inbox, MaildirDelivery.Target.CUR, EnumSet.of(MaildirFlag.REPLIED, MaildirFlag.DRAFT,
                MaildirFlag.TRASHED), Set.of());
        MaildirUidList inboxUids = MaildirUidList.open(inbox);
        Map<Long, TreeSet<String>> loft = loftView(inbox, inboxUids);
        assertEquals("{1=[], 2=[$Junk, Important, \\Flagged, \\Seen], 3=[\\Answered, \\Deleted, \\Draft]}",
                loft.toString());

        Path projects = folders.create("Work/Projects");
        folders.create("Sent");
        deliver(delivery, projects, MaildirDelivery.Target.CUR, EnumSet.of(MaildirFlag.SEEN), Set.of());
        MaildirUidList projectUids = MaildirUidList.open(projects);
        Map<Long, TreeSet<String>> loftProjects = loftView(projects, projectUids);
        folders.subscriptions().subscribe("Sent");
        folders.subscriptions().subscribe("Work/Projects");

        assertEquals(loft, dovecot.uidFlags("INBOX"));
        assertEquals(loftProjects, dovecot.uidFlags("Work/Projects"));
        assertEquals(Long.toString(inboxUids.uidValidity()), dovecot.status("uidvalidity", "INBOX"));
        assertEquals(Long.toString(projectUids.uidValidity()), dovecot.status("uidvalidity", "Work/Projects"));
        assertEquals(List.of("INBOX", "Sent", "Work", "Work/Projects"), dovecot.mailboxes(false));
        assertEquals(List.of("Sent", "Work/Projects"), dovecot.mailboxes(true));

        // Dovecot adds a keyword of its own to a message Loft wrote: it takes the next free
        // letter in Loft's dovecot-keywords and Loft reads it under the same UID
        dovecot.run("flags", "add", "FromDovecot", "mailbox", "INBOX", "uid", "1");
        keywords.reload();
        assertEquals(2, keywords.indexOf("FromDovecot").orElseThrow());
        assertEquals(dovecot.uidFlags("INBOX"), loftView(inbox, inboxUids));
        assertEquals(Set.of("FromDovecot"), loftView(inbox, inboxUids).get(1L));
        assertEquals(List.of(), dovecot.complaints());
    }

    @Test
    void bothWritingInTurnsLoseNothingAndNeverReuseAUid() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        MaildirFolders folders = new MaildirFolders(dovecot.location(""));
        MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());
        Path inbox = folders.create("INBOX");
        MaildirUidList uids = MaildirUidList.open(inbox);
        for (int round = 0; round < 3; round++) {
            dovecot.save("INBOX", MESSAGE);
            deliver(delivery, inbox, MaildirDelivery.Target.NEW, Set.of(), Set.of());
            loftView(inbox, uids);
        }
        dovecot.run("expunge", "mailbox", "INBOX", "uid", "6");
        dovecot.save("INBOX", MESSAGE);
        dovecot.run("flags", "add", "\\Seen", "mailbox", "INBOX", "uid", "2");
        Map<Long, TreeSet<String>> seenByDovecot = dovecot.uidFlags("INBOX");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 7L), List.copyOf(seenByDovecot.keySet()));
        assertEquals(Set.of("\\Seen"), seenByDovecot.get(2L));
        assertEquals(seenByDovecot, loftView(inbox, uids));
        assertEquals(8, uids.nextUid());

        // Loft compacts the uidlist (dropping the expunged record); Dovecot keeps every UID
        // and gives the next message 8, never 6
        uids.rewrite(e -> seenByDovecot.containsKey(e.uid()));
        dovecot.save("INBOX", MESSAGE);
        Map<Long, TreeSet<String>> afterRewrite = dovecot.uidFlags("INBOX");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 7L, 8L), List.copyOf(afterRewrite.keySet()));
        assertEquals(afterRewrite, loftView(inbox, uids));
        assertEquals(Long.toString(uids.uidValidity()), dovecot.status("uidvalidity", "INBOX"));
        assertEquals(List.of(), dovecot.complaints());
    }

    @Test
    void bothWritingAtTheSameTimeLoseNothing() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        MaildirFolders folders = new MaildirFolders(dovecot.location(""));
        Path inbox = folders.create("INBOX");
        dovecot.run("mailbox", "status", "uidnext", "INBOX");
        dovecot.shareThroughGroup();
        int each = 12;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> dovecotSide = pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    dovecot.save("INBOX", MESSAGE);
                }
                return null;
            });
            MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());
            MaildirUidList uids = MaildirUidList.open(inbox);
            int delivered = 0;
            // keep writing for as long as Dovecot does, so the two really overlap
            while ((delivered < each || !dovecotSide.isDone()) && delivered < 500) {
                deliver(delivery, inbox, MaildirDelivery.Target.NEW, Set.of(), Set.of());
                MaildirScan.scan(inbox, uids, delivered % 2 == 0);
                delivered++;
            }
            dovecotSide.get();
            Map<Long, TreeSet<String>> loft = loftView(inbox, uids);
            assertEquals(each + delivered, loft.size());
            assertEquals(each + delivered, loft.keySet().stream().mapToLong(Long::longValue).max().orElseThrow(),
                    "UIDs are 1..n without gaps: no UID was given twice or skipped");
            assertEquals(loft, dovecot.uidFlags("INBOX"));
            assertEquals(List.of(), dovecot.complaints());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dovecotLeavesTheUidlistAloneWhileLoftHoldsItsLock() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        dovecot.save("INBOX", MESSAGE);
        dovecot.shareThroughGroup();
        Path inbox = dovecot.maildir();
        MaildirUidList uids = MaildirUidList.open(inbox);
        try (Dotlock lock = Dotlock.acquire(uids.file())) {
            String before = Files.readString(uids.file());
            // Dovecot only try-locks when saving: the message lands in new/ without a UID
            dovecot.save("INBOX", MESSAGE);
            assertEquals(before, Files.readString(uids.file()), "Dovecot wrote the uidlist Loft had locked");
            try (var s = Files.list(inbox.resolve("new"))) {
                assertEquals(2, s.count());
            }
        }
        Map<Long, TreeSet<String>> dovecotView = dovecot.uidFlags("INBOX");
        assertEquals(List.of(1L, 2L), List.copyOf(dovecotView.keySet()));
        assertEquals(dovecotView, loftView(inbox, uids));
        assertEquals(List.of(), dovecot.complaints());
    }

    @ParameterizedTest(name = "layout [{0}]")
    @ValueSource(strings = {"", ":LAYOUT=fs"})
    void controlDirectoriesAreWhereDovecotPutsThem(String layout) throws Exception {
        String options = layout + ":CONTROL=" + base + "/control/%u";
        Doveadm dovecot = new Doveadm(base, options);
        dovecot.save("INBOX", MESSAGE);
        dovecot.run("flags", "add", "kw1", "mailbox", "INBOX", "uid", "1");
        dovecot.run("mailbox", "create", "Work/Projects");
        dovecot.save("Work/Projects", MESSAGE);
        dovecot.save("Work/Projects", MESSAGE);
        MaildirFolders folders = new MaildirFolders(dovecot.location(options));
        for (String mailbox : List.of("INBOX", "Work/Projects")) {
            Path control = folders.controlPath(mailbox);
            assertTrue(Files.exists(control.resolve(MaildirUidList.FILE)), control.toString());
            Map<Long, TreeSet<String>> loft = new LinkedHashMap<>();
            MaildirKeywords keywords = MaildirKeywords.read(control);
            try (MaildirUidList uids = MaildirUidList.open(control)) {
                for (MaildirScan.Message m : MaildirScan.scan(folders.path(mailbox), uids, false)) {
                    TreeSet<String> flags = new TreeSet<>();
                    m.name().keywords().forEach(k -> flags.add(keywords.name(k)));
                    loft.put(m.uid(), flags);
                }
            }
            assertEquals(dovecot.uidFlags(mailbox), loft, layout + " " + mailbox);
        }
        assertEquals(List.of(), dovecot.complaints());
    }

    @Test
    void fsLayoutFoldersMatch() throws Exception {
        Doveadm dovecot = new Doveadm(base, ":LAYOUT=fs");
        dovecot.run("mailbox", "create", "Sent", "Work/Projects");
        dovecot.save("Work/Projects", MESSAGE);
        MaildirFolders folders = new MaildirFolders(dovecot.location(":LAYOUT=fs"));
        folders.create("Archive/2024");
        assertEquals(dovecot.mailboxes(false), folders.list().stream().map(MaildirFolders.Folder::name).sorted().toList());
        Path projects = folders.path("Work/Projects");
        assertEquals(dovecot.uidFlags("Work/Projects"), loftView(projects, MaildirUidList.open(projects)));
    }

    @Test
    void aCourierMaildirKeepsItsUidsInDovecotAfterTheImport() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        Path inbox = dovecot.maildir();
        CourierUidImportTest.courierFixture(inbox);
        CourierUidImport.importIfNeeded(inbox, inbox);
        Map<Long, TreeSet<String>> expected = new LinkedHashMap<>();
        expected.put(7L, new TreeSet<>(Set.of("\\Seen", "$Label1", "Project")));
        expected.put(9L, new TreeSet<>(Set.of("\\Answered", "\\Seen")));
        expected.put(42L, new TreeSet<>(Set.of("Project")));
        assertEquals(expected, loftView(inbox, MaildirUidList.open(inbox)));
        assertEquals(expected, dovecot.uidFlags("INBOX"));
        assertEquals("1234567890", dovecot.status("uidvalidity", "INBOX"));
        assertEquals("43", dovecot.status("uidnext", "INBOX"));
        assertEquals(List.of(), dovecot.complaints());
    }

    private static void deliver(MaildirDelivery delivery, Path mailbox, MaildirDelivery.Target target,
            Set<MaildirFlag> flags, Set<Integer> keywords) throws IOException {
        delivery.deliver(mailbox, new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.UTF_8)), target, flags,
                keywords);
    }

    /** UID to IMAP flags and keyword names, as Loft reads the maildir. */
    static Map<Long, TreeSet<String>> loftView(Path mailbox, MaildirUidList uids) throws IOException {
        MaildirKeywords keywords = MaildirKeywords.read(mailbox);
        Map<Long, TreeSet<String>> view = new LinkedHashMap<>();
        for (MaildirScan.Message m : MaildirScan.scan(mailbox, uids, false)) {
            TreeSet<String> flags = new TreeSet<>();
            m.name().flags().forEach(f -> f.imap().ifPresent(flags::add));
            m.name().keywords().forEach(k -> flags.add(keywords.name(k)));
            view.put(m.uid(), flags);
        }
        return view;
    }
}
