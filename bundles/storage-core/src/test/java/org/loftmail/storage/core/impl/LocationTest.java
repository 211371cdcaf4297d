package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

class LocationTest {

    private final MailUser bob = new MailUser("bob@example.org", "/home/bob", null);

    @Test
    void splitsTheDriverAndExpandsDovecotVariables() throws StorageException {
        assertEquals(new Location("maildir", "/var/mail/vhosts/example.org/bob/"),
                Location.resolve("maildir:/var/mail/vhosts/%d/%n/", bob));
        assertEquals(new Location("maildir", "/home/bob/Maildir:LAYOUT=fs"), Location.resolve("maildir:~/Maildir:LAYOUT=fs", bob));
        assertEquals(new Location("memory", ""), Location.resolve("memory:", bob));
        assertEquals(new Location("x", "bob@example.org%/home/bob"), Location.resolve("x:%u%%%h", bob));
    }

    @Test
    void reportsWhatIsWrong() {
        assertEquals(StorageError.TEMPORARY, assertThrows(StorageException.class, () -> Location.resolve(null, bob)).error());
        assertEquals(StorageError.INTERNAL, assertThrows(StorageException.class, () -> Location.resolve("/no/driver", bob)).error());
        assertEquals(StorageError.INTERNAL, assertThrows(StorageException.class, () -> Location.resolve("m:%z", bob)).error());
        assertEquals(StorageError.INTERNAL,
                assertThrows(StorageException.class, () -> Location.resolve("m:~/x", MailUser.of("nohome"))).error());
    }
}
