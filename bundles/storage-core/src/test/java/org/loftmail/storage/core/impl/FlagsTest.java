package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;

/** The api's Flags and FlagChange values. */
class FlagsTest {

    private final Flags seenWork = Flags.of(Flag.SEEN).withKeywords("Work");

    @Test
    void flagChangesApplyAddRemoveAndReplace() {
        assertEquals(Flags.of(Flag.SEEN, Flag.FLAGGED).withKeywords("Work", "$Junk"),
                FlagChange.add(Flags.of(Flag.FLAGGED).withKeywords("$Junk")).apply(seenWork));
        assertEquals(Flags.of(Flag.SEEN), FlagChange.remove(Flags.NONE.withKeywords("Work")).apply(seenWork));
        assertEquals(Flags.of(Flag.DRAFT), FlagChange.replace(Flags.of(Flag.DRAFT)).apply(seenWork));
        assertEquals(7, FlagChange.add(Flags.NONE).unchangedSince(7).unchangedSince());
    }

    @Test
    void valuesAreEqualByContent() {
        assertEquals(seenWork, new Flags(Set.of(Flag.SEEN), Set.of("Work")));
        assertTrue(seenWork.has(Flag.SEEN));
        assertFalse(seenWork.has(Flag.DELETED));
    }

    @Test
    void keywordsMustBeAtomsWithoutBackslash() {
        assertThrows(IllegalArgumentException.class, () -> Flags.NONE.withKeywords("\\Seen"));
        assertThrows(IllegalArgumentException.class, () -> Flags.NONE.withKeywords("two words"));
        assertThrows(IllegalArgumentException.class, () -> Flags.NONE.withKeywords(""));
        assertTrue(Flags.validKeyword("$Forwarded"));
    }

    @Test
    void systemFlagsHaveTheirImapNames() {
        assertEquals(Flag.DELETED, Flag.fromImap("\\deleted"));
        assertEquals("\\Answered", Flag.ANSWERED.imapName());
        assertNull(Flag.fromImap("\\Recent"));
    }
}
