package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageSource;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.storage.core.impl.CoreHarness;

/** A maildir written through the driver (and the storage core) opens in real Dovecot with the same UIDs and flags. */
class DriverDovecotInteropTest {
    private static final byte[] MESSAGE = DovecotInteropTest.MESSAGE.getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path base;

    @Test
    void aMaildirWrittenByTheDriverOpensInDovecotWithTheSameUidsAndFlags() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        String location = "maildir:" + base.resolve("mail") + "/%u";
        Map<Long, TreeSet<String>> loftInbox;
        long validity;
        long uidNext;
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open(Doveadm.USER);
            mb.create("Work/Projects");
            mb.subscribe("Work/Projects", true);
            List<Long> uids = mb.append("INBOX", List.of(
                    AppendRequest.of(MESSAGE),
                    new AppendRequest(MessageSource.of(MESSAGE), Flags.of(Flag.SEEN).withKeywords("$Junk"),
                            Instant.parse("2021-05-06T07:08:09Z")),
                    AppendRequest.of(MESSAGE),
                    AppendRequest.of(MESSAGE))).uids();
            mb.append("Work/Projects", List.of(AppendRequest.of(MESSAGE)));
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.FLAGGED, Flag.ANSWERED)
                        .withKeywords("Important")));
                v.store(UidSet.of(uids.get(1)), FlagChange.remove(Flags.NONE.withKeywords("$Junk")));
                v.store(UidSet.of(uids.get(2)), FlagChange.add(Flags.of(Flag.DELETED, Flag.DRAFT)));
                v.expunge(UidSet.of(uids.get(2)));
                loftInbox = imapFlags(v.messages(UidSet.all()));
            }
            validity = mb.status("INBOX").uidValidity();
            uidNext = mb.status("INBOX").uidNext();
        }
        Map<Long, TreeSet<String>> expected = new LinkedHashMap<>();
        expected.put(1L, new TreeSet<>(Set.of("\\Answered", "\\Flagged", "Important")));
        expected.put(2L, new TreeSet<>(Set.of("\\Seen")));
        expected.put(4L, new TreeSet<>());
        assertEquals(expected, loftInbox, "what Loft reports");
        assertEquals(loftInbox, dovecot.uidFlags("INBOX"), "what Dovecot reads from the same maildir");
        assertEquals(Long.toString(validity), dovecot.status("uidvalidity", "INBOX"));
        assertEquals(Long.toString(uidNext), dovecot.status("uidnext", "INBOX"));
        assertEquals(Map.of(1L, new TreeSet<String>()), dovecot.uidFlags("Work/Projects"));
        assertEquals(List.of("INBOX", "Work", "Work/Projects"), dovecot.mailboxes(false));
        assertEquals(List.of("Work/Projects"), dovecot.mailboxes(true));
        assertEquals(List.of(), dovecot.complaints());
    }

    @Test
    void changesDovecotMakesReachAnOpenView() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        String location = "maildir:" + base.resolve("mail") + "/%u";
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open(Doveadm.USER);
            mb.append("INBOX", List.of(AppendRequest.of(MESSAGE), AppendRequest.of(MESSAGE)));
            try (MailboxView v = mb.open("INBOX", false)) {
                dovecot.run("flags", "add", "\\Seen FromDovecot", "mailbox", "INBOX", "uid", "1");
                dovecot.run("expunge", "mailbox", "INBOX", "uid", "2");
                dovecot.save("INBOX", DovecotInteropTest.MESSAGE);
                v.sync();
                Map<Long, TreeSet<String>> loft = imapFlags(v.messages(UidSet.all()));
                assertEquals(dovecot.uidFlags("INBOX"), loft);
                assertEquals(List.of(1L, 3L), List.copyOf(loft.keySet()));
                assertEquals(new TreeSet<>(Set.of("\\Seen", "FromDovecot")), loft.get(1L));
            }
        }
        assertEquals(List.of(), dovecot.complaints());
    }

    private static Map<Long, TreeSet<String>> imapFlags(List<ViewMessage> messages) {
        Map<Long, TreeSet<String>> out = new LinkedHashMap<>();
        for (ViewMessage m : messages) {
            TreeSet<String> names = new TreeSet<>(m.meta().flags().keywords());
            m.meta().flags().system().forEach(f -> names.add(f.imapName()));
            out.put(m.meta().uid(), names);
        }
        return out;
    }
}
