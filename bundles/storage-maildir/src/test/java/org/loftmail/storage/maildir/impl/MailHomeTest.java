package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.contract.DriverContract;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * Dovecot's {@code mail_home}: a user the userdb gives no home gets {@code mail_home} expanded
 * with the user's variables as home, so {@code mail_location = maildir:~/Maildir} works with
 * {@code mail_home = /var/vmail/%d/%n}; a userdb home wins over it.
 */
class MailHomeTest {
    @TempDir
    Path root;

    private CoreHarness harness(String mailLocation, String mailHome) {
        return new CoreHarness("maildir", new MaildirStorageDriver(),
                Map.of("mail_location", mailLocation, "mail_home", mailHome));
    }

    @Test
    void aUserWithoutHomeGetsMailHome() throws Exception {
        try (CoreHarness h = harness("maildir:~/Maildir", root + "/vmail/%d/%n")) {
            UserMailboxes mb = h.open("bob@example.org");
            assertEquals(root + "/vmail/example.org/bob", mb.user().home());
            mb.create("Sent");
            DriverContract.fill(mb, "INBOX", 1);
        }
        Path maildir = root.resolve("vmail/example.org/bob/Maildir");
        assertTrue(Files.isDirectory(maildir.resolve(".Sent/cur")));
        assertTrue(Files.exists(maildir.resolve(MaildirUidList.FILE)));
    }

    @Test
    void longFormsAndTildeInOptionsUseTheSameHome() throws Exception {
        try (CoreHarness h = harness("maildir:~/Maildir:LAYOUT=fs:INDEX=~/index",
                root + "/vmail/%{domain}/%{username}")) {
            UserMailboxes mb = h.open("bob@example.org");
            DriverContract.fill(mb, "INBOX", 1);
            try (MailboxView v = mb.open("INBOX", false)) {
                assertEquals(1, v.size());
            }
        }
        Path home = root.resolve("vmail/example.org/bob");
        assertTrue(Files.exists(home.resolve("Maildir/" + MaildirUidList.FILE)));
        assertTrue(Files.exists(home.resolve("index/INBOX/" + IndexFile.NAME)));
        assertFalse(Files.exists(home.resolve("Maildir/" + IndexFile.NAME)));
    }

    @Test
    void aUserdbHomeWinsOverMailHome() throws Exception {
        try (CoreHarness h = harness("maildir:~/Maildir", root + "/vmail/%d/%n");
                UserMailboxes mb = h.storage().open(new MailUser("bob@example.org", root + "/userdb/bob", null))) {
            assertEquals(root + "/userdb/bob", mb.user().home());
            DriverContract.fill(mb, "INBOX", 1);
        }
        assertTrue(Files.exists(root.resolve("userdb/bob/Maildir/" + MaildirUidList.FILE)));
        assertFalse(Files.exists(root.resolve("vmail")));
    }

    @Test
    void withoutMailHomeTildeStillNeedsAHome() {
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), "maildir:~/Maildir")) {
            assertEquals(StorageError.INTERNAL, assertThrows(StorageException.class, () -> h.open("bob")).error());
        }
    }
}
