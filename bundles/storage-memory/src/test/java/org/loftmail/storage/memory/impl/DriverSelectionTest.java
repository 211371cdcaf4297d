package org.loftmail.storage.memory.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.contract.DriverContract;
import org.loftmail.storage.core.impl.CoreHarness;

/** The core picks the driver by mail_location prefix, per user, and lets drivers come and go. */
class DriverSelectionTest {

    @Test
    void theLocationPrefixChoosesTheDriverAndUsersAreApart() throws StorageException {
        try (CoreHarness h = new CoreHarness("memory", new MemoryDriver(), "memory:")) {
            UserMailboxes alice = h.open("alice");
            DriverContract.fill(alice, "INBOX", 2);
            assertEquals(0, h.open("bob").status("INBOX").messages());
            assertEquals(2, h.open("alice").status("INBOX").messages(), "a second session sees the same store");
        }
    }

    @Test
    void aUsersOwnLocationWinsOverTheDefault() throws StorageException {
        try (CoreHarness h = new CoreHarness("memory", new MemoryDriver(), "maildir:/var/mail/%u")) {
            StorageException e = assertThrows(StorageException.class, () -> h.storage().open(MailUser.of("carol")));
            assertEquals(StorageError.TEMPORARY, e.error(), "no maildir driver is running");
            try (UserMailboxes mb = h.storage().open(new MailUser("carol", null, "memory:%n"))) {
                assertEquals(List.of("INBOX"), mb.list("", "*", false).stream().map(i -> i.name()).toList());
            }
        }
    }

    @Test
    void aDriverThatGoesAwayIsNoLongerUsedAndComesBack() throws StorageException {
        MemoryDriver driver = new MemoryDriver();
        try (CoreHarness h = new CoreHarness("memory", driver, "memory:")) {
            try (UserMailboxes mb = h.storage().open(MailUser.of("dave"))) {
                DriverContract.fill(mb, "INBOX", 1);
            }
            h.unbindDriver("memory", driver);
            assertEquals(StorageError.TEMPORARY,
                    assertThrows(StorageException.class, () -> h.storage().open(MailUser.of("dave"))).error());
            h.bindDriver("memory", driver);
            try (UserMailboxes mb = h.storage().open(MailUser.of("dave"))) {
                assertEquals(1, mb.status("INBOX").messages(), "the driver kept the mail");
            }
        }
    }
}
