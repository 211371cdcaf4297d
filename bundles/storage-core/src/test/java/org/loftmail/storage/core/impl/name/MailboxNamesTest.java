package org.loftmail.storage.core.impl.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

class MailboxNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../x|has a '..' level",
        "/etc|is an absolute path",
        "~bob|starts with '~'",
        "a/../../b|has a '..' level",
        "./a|has a '.' level",
        "a//b|empty level",
        "a/|empty level",
        "a%|wildcard '%'",
    })
    void refusesEscapesAndSaysWhichRule(String name, String rule) {
        StorageException e = assertThrows(StorageException.class, () -> MailboxNames.check(name));
        assertEquals(StorageError.INVALID_NAME, e.error());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void refusesControlCharactersLengthAndDepth() {
        for (String bad : List.of("a\u0000b", "a\rb", "a\u007fb", "x".repeat(256), "a/".repeat(32) + "b", "")) {
            StorageException e = assertThrows(StorageException.class, () -> MailboxNames.check(bad));
            assertEquals(StorageError.INVALID_NAME, e.error());
            assertFalse(e.getMessage().contains("\u0000"), "the message never echoes control characters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INBOX", "Work/Projects", "x..y", "Entw\u00fcrfe", "a b"})
    void acceptsOrdinaryNames(String name) throws StorageException {
        assertEquals(name, MailboxNames.check(name));
    }

    @Test
    void inboxIsNormalisedOnlyAsAWholeFirstLevel() throws StorageException {
        assertEquals("INBOX", MailboxNames.check("inbox"));
        assertEquals("INBOX/Sub", MailboxNames.check("Inbox/Sub"));
        assertEquals("inboxes", MailboxNames.check("inboxes"));
    }

    @Test
    void parentsAndChildren() {
        assertEquals(List.of("a", "a/b"), MailboxNames.parents("a/b/c"));
        assertTrue(MailboxNames.isChild("a/b", "a"));
        assertFalse(MailboxNames.isChild("ab", "a"));
        assertFalse(MailboxNames.isChild("a", "a"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/b|contains '/', which cannot be used in a mailbox name while the hierarchy separator is '.'",
        ".hidden|starts with the hierarchy separator '.'",
        "a..b|empty level ('..' or a trailing '.')",
        "a.|empty level",
        "~bob.x|starts with '~'",
        "../x|contains '/'",
    })
    void withTheSeparatorDotTheRulesSpeakOfDots(String name, String rule) {
        StorageException e = assertThrows(StorageException.class, () -> MailboxNames.check(name, '.'));
        assertEquals(StorageError.INVALID_NAME, e.error());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void withTheSeparatorDotNamesMapToSlashesAndBack() throws StorageException {
        assertEquals("Work/Projects/Loft", MailboxNames.check("Work.Projects.Loft", '.'));
        assertEquals("INBOX/Sub", MailboxNames.check("inbox.Sub", '.'));
        assertEquals("INBOX", MailboxNames.check("Inbox", '.'));
        assertEquals("Sent Messages", MailboxNames.check("Sent Messages", '.'));
        assertEquals("Work.Projects", MailboxNames.external("Work/Projects", '.'));
        assertEquals(null, MailboxNames.external("v1.2/notes", '.'), "a level holding a dot has no name with '.'");
        assertEquals("v1.2/notes", MailboxNames.external("v1.2/notes", '/'));
        StorageException deep = assertThrows(StorageException.class, () -> MailboxNames.check("a" + ".x".repeat(32), '.'));
        assertTrue(deep.getMessage().contains("more than 32 levels"), deep.getMessage());
        assertEquals("a" + "/x".repeat(31), MailboxNames.check("a" + ".x".repeat(31), '.'));
    }
}
