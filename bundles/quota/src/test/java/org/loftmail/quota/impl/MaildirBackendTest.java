package org.loftmail.quota.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.quota.impl.QuotaFixture.append;
import static org.loftmail.quota.impl.QuotaFixture.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.quota.QuotaRoot.Resource;

/** The maildir backend: the maildirsize file as Dovecot and Courier keep it. */
class MaildirBackendTest {

    @TempDir
    Path dir;

    private QuotaFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private QuotaFixture fixture(String... kv) {
        Map<String, Object> s = settings(kv);
        s.putIfAbsent("mail_location", "maildir:" + dir + "/%u/Maildir");
        s.putIfAbsent("plugin.quota", "maildir:User quota");
        fx = new QuotaFixture(s);
        return fx;
    }

    private Path file(String user) {
        return dir.resolve(user).resolve("Maildir/maildirsize");
    }

    @Test
    void createdThenOneLinePerChange() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1G:messages=1000");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 1000); // the first check writes the file (empty), the event appends
        assertEquals("1073741824S,1000C\n0 0\n1000 1\n", Files.readString(file("bob")));
        append(mb, "INBOX", 300, 200);
        try (MailboxView v = mb.open("INBOX", false)) {
            v.store(UidSet.of(v.uid(1)), FlagChange.add(Flags.of(Flag.DELETED)));
            v.expunge(UidSet.of(v.uid(1)));
        }
        assertEquals("1073741824S,1000C\n0 0\n1000 1\n500 2\n-1000 -1\n", Files.readString(file("bob")));
        assertEquals(new Usage(2, 500), MaildirSizeFile.read(file("bob")).usage());
        assertEquals(new Resource("MESSAGE", 2, 1000), fx.service.roots("bob").get(0).resources().get(1));
        fx.service.recalculate("bob");
        assertEquals("1073741824S,1000C\n500 2\n", Files.readString(file("bob")));
    }

    @Test
    void backgroundAccountingAsInProduction() throws Exception {
        Map<String, Object> s = settings("mail_location", "maildir:" + dir + "/%u/Maildir",
                "plugin.quota", "maildir:User quota", "plugin.quota_rule", "*:messages=2");
        fx = new QuotaFixture(s, true);
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 100, 100);
        try (MailboxView v = mb.open("INBOX", false)) {
            v.store(UidSet.of(v.uid(1)), FlagChange.add(Flags.of(Flag.DELETED)));
            v.expunge(UidSet.of(v.uid(1)));
        }
        append(mb, "INBOX", 100); // the expunge is seen by this check even if the thread has not run yet
        assertThrows(StorageException.class, () -> append(mb, "INBOX", 100));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!MaildirSizeFile.read(file("bob")).usage().equals(new Usage(2, 200)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(new Usage(2, 200), MaildirSizeFile.read(file("bob")).usage());
    }

    @Test
    void limitsComeFromTheFile() throws Exception {
        fixture();
        Files.createDirectories(file("bob").getParent());
        Files.writeString(file("bob"), "2000S\n0 0\n");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 1500);
        StorageException e = assertThrows(StorageException.class, () -> append(mb, "INBOX", 1500));
        assertEquals(StorageError.OVER_QUOTA, e.error());
        assertEquals("2000S\n0 0\n1500 1\n", Files.readString(file("bob")));
        assertEquals(new Resource("STORAGE", 2, 2), fx.service.roots("bob").get(0).resources().get(0));
    }

    @Test
    void changedLimitsRewriteTheFile() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        Files.createDirectories(file("bob").getParent());
        Files.writeString(file("bob"), "2097152S\n0 0\n");
        append(fx.open("bob"), "INBOX", 100);
        assertEquals("1048576S\n0 0\n100 1\n", Files.readString(file("bob")));
    }

    @Test
    void aFileThatDisagreesWithTheMailboxesAtFirstUseIsRewritten() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 100, 200); // file written by the first check, then appended
        Files.writeString(file("bob"), "1048576S\n99999 9\n");
        fx.accounting.configure(settings("mail_location", "maildir:" + dir + "/%u/Maildir",
                "plugin.quota", "maildir:User quota", "plugin.quota_rule", "*:storage=1M")); // forgets what it counted
        assertEquals(new Resource("STORAGE", 1, 1024), fx.service.roots("bob").get(0).resources().get(0));
        assertEquals("1048576S\n300 2\n", Files.readString(file("bob")));
    }

    @Test
    void largeFileIsRecalculated() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 100);
        StringBuilder sb = new StringBuilder(Files.readString(file("bob")));
        while (sb.length() < 5120) {
            sb.append("0 0\n");
        }
        Files.writeString(file("bob"), sb);
        append(mb, "INBOX", 100); // the check before it recalculates, the event appends
        assertEquals("1048576S\n100 1\n100 1\n", Files.readString(file("bob")));
    }

    @Test
    void overQuotaWithDeltasOrOldIsRecalculated() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 100);
        Files.writeString(file("bob"), "1048576S\n5000000 1\n");
        assertEquals(4883, fx.service.roots("bob").get(0).resources().get(0).usage(), "a fresh summary is trusted");
        Files.setLastModifiedTime(file("bob"), FileTime.from(Instant.now().minus(Duration.ofMinutes(16))));
        assertEquals(1, fx.service.roots("bob").get(0).resources().get(0).usage());
        assertEquals("1048576S\n100 1\n", Files.readString(file("bob")));
        Files.writeString(file("bob"), "1048576S\n100 1\n5000000 0\n");
        append(mb, "INBOX", 50);
        assertEquals("1048576S\n100 1\n50 1\n", Files.readString(file("bob")));
    }

    @Test
    void missingOrBrokenFileIsRecalculated() throws Exception {
        fixture("plugin.quota_rule", "*:messages=10");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 100, 100);
        Files.delete(file("bob"));
        assertEquals(new Resource("MESSAGE", 2, 10), fx.service.roots("bob").get(0).resources().get(0));
        assertEquals("10C\n200 2\n", Files.readString(file("bob")));
        Files.writeString(file("bob"), "10C\n200 2\ngarbage\n");
        fx.service.roots("bob");
        assertEquals("10C\n200 2\n", Files.readString(file("bob")));
    }

    @Test
    void ignoredMailboxesAreNotWritten() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M", "plugin.quota_rule2", "Trash:ignore");
        UserMailboxes mb = fx.open("bob");
        mb.create("Trash");
        append(mb, "INBOX", 100);
        append(mb, "Trash", 5000);
        try (MailboxView v = mb.open("INBOX", false)) {
            v.move(UidSet.all(), "Trash");
        }
        assertEquals("1048576S\n0 0\n100 1\n-100 -1\n", Files.readString(file("bob")));
        fx.service.recalculate("bob");
        assertEquals("1048576S\n0 0\n", Files.readString(file("bob")));
    }

    @Test
    void controlDirectoryAndUserdbLocation() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        fx.userdb.put("alice", Map.of("home", dir.resolve("home/alice").toString(),
                "mail", "maildir:" + dir + "/%u/Maildir:INDEX=" + dir + "/idx/%u:CONTROL=~/control"));
        append(fx.open("alice"), "INBOX", 10);
        assertTrue(Files.exists(dir.resolve("home/alice/control/maildirsize")));
        assertFalse(Files.exists(file("alice")));
    }

    @Test
    void notAMaildirLocationFallsBackToCounting() throws Exception {
        fixture("plugin.quota_rule", "*:messages=1");
        fx.userdb.put("bob", Map.of("mail", "mbox:~/mail"));
        // the storage cannot open mbox: here, so only the quota side is looked at
        UserQuota u = new UserQuota("bob");
        u.update(Map.of("mail", "mbox:~/mail"),
                QuotaSettings.of(settings("plugin.quota", "maildir", "plugin.quota_rule", "*:messages=1"))
                        .forUser(Map.of("mail", "mbox:~/mail")), Instant.now());
        assertEquals(null, u.maildirsize());
    }
}
