package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void expandsLongFormsAndCaseModifiers() throws StorageException {
        assertEquals(new Location("maildir", "/var/mail/example.org/bob/bob@example.org"),
                Location.resolve("maildir:/var/mail/%{domain}/%{username}/%{user}", bob));
        MailUser mixed = new MailUser("Bob@Example.ORG", "/home/Bob", null);
        assertEquals(new Location("maildir", "/m/example.org/bob/BOB@EXAMPLE.ORG/home/Bob"),
                Location.resolve("maildir:/m/%Ld/%Ln/%U{user}%{home}", mixed));
        assertEquals(StorageError.INTERNAL,
                assertThrows(StorageException.class, () -> Location.resolve("m:%{nope}", bob)).error());
        assertEquals(StorageError.INTERNAL,
                assertThrows(StorageException.class, () -> Location.resolve("m:%{user", bob)).error());
    }

    @Test
    void expandsTildeAtTheStartOfOptionValues() throws StorageException {
        assertEquals(new Location("maildir", "/home/bob/Maildir:INDEX=/home/bob/index:CONTROL=/home/bob:LAYOUT=fs"),
                Location.resolve("maildir:~/Maildir:INDEX=~/index:CONTROL=~:LAYOUT=fs", bob));
        assertEquals(new Location("maildir", "/m:INDEX=/x/~/y:DIRNAME=~x"),
                Location.resolve("maildir:/m:INDEX=/x/~/y:DIRNAME=~x", bob), "only a leading ~ or ~/");
        assertEquals(new Location("maildir", "/m::INDEX=~/y"), Location.resolve("maildir:/m::INDEX=~/y", bob),
                "'::' is a literal colon, not an option");
        assertEquals(StorageError.INTERNAL, assertThrows(StorageException.class,
                () -> Location.resolve("maildir:/m:INDEX=~/i", MailUser.of("nohome"))).error());
    }

    @Test
    void mailHomeIsExpandedForTheUser() throws StorageException {
        MailUser homeless = MailUser.of("bob@example.org");
        assertEquals("/var/vmail/example.org/bob", Location.mailHome("/var/vmail/%d/%n", homeless));
        assertEquals("/var/vmail/example.org/bob", Location.mailHome(" /var/vmail/%{domain}/%{username} ", homeless));
        assertEquals("/home/bob", Location.mailHome("/home/%Ln", MailUser.of("BOB")));
        assertNull(Location.mailHome(null, homeless));
        assertNull(Location.mailHome("", homeless));
        assertEquals(StorageError.INTERNAL,
                assertThrows(StorageException.class, () -> Location.mailHome("vmail/%n", homeless)).error());
        assertEquals(StorageError.INTERNAL,
                assertThrows(StorageException.class, () -> Location.mailHome("/v/%z", homeless)).error());
    }
}
