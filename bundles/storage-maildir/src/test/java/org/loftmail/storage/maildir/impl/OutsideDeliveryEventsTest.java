package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MessagesAppended;
import org.loftmail.api.storage.event.MessagesExpunged;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * Mail another program drops into new/ (an MDA, Dovecot) reaches the mailbox listeners while a
 * session has the mailbox open, without any storage call: what IMAP IDLE needs. A file removed
 * from outside is reported as expunged.
 */
class OutsideDeliveryEventsTest {

    @TempDir
    Path root;

    @Test
    void aDroppedFileBecomesAnAppendedEventAndARemovedOneAnExpungedEvent() throws Exception {
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), "maildir:" + root + "/%u")) {
            UserMailboxes mb = h.open("alice");
            try (MailboxView view = mb.open("INBOX", false)) {
                assertEquals(0, view.size());
                h.clearEvents();
                Path dropped = root.resolve("alice/new/1700000000.M1P1.mda");
                Files.writeString(dropped, "Subject: from procmail\n\nhi\n", StandardCharsets.US_ASCII);
                MessagesAppended appended = await(h, MessagesAppended.class);
                assertEquals("INBOX", appended.mailbox());
                assertEquals(List.of(1L), appended.uids());
                assertEquals(1, view.sync().exists(), "the session sees it at its next sync");

                h.clearEvents();
                try (var files = Files.list(root.resolve("alice/new"))) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                try (var files = Files.list(root.resolve("alice/cur"))) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                MessagesExpunged expunged = await(h, MessagesExpunged.class);
                assertEquals(List.of(1L), expunged.uids());
            }
        }
    }

    private static <T extends MailboxEvent> T await(CoreHarness h, Class<T> type) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (MailboxEvent e : h.events()) {
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
            }
            Thread.sleep(10);
        }
        assertTrue(false, "no " + type.getSimpleName() + " within 2 s: " + h.events());
        return null;
    }
}
