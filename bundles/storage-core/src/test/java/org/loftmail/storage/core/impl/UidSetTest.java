package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.UidSet;

/** The api's UidSet value (tested here: the api module has no tests of its own). */
class UidSetTest {

    @Test
    void buildsSortedMergedRangesInImapSyntax() {
        UidSet s = UidSet.of(7, 1, 2, 3, 9, 8, 20);
        assertEquals("1:3,7:9,20", s.toString());
        assertEquals("5:*", UidSet.range(5, Long.MAX_VALUE).toString());
        assertEquals("", UidSet.EMPTY.toString());
        assertEquals(UidSet.of(4, 5), UidSet.of(List.of(5L, 4L, 5L)));
    }

    @Test
    void containsUsesTheRanges() {
        UidSet s = UidSet.of(1, 2, 3, 10);
        assertTrue(s.contains(2));
        assertTrue(s.contains(10));
        assertFalse(s.contains(4));
        assertFalse(s.contains(11));
        assertTrue(UidSet.all().contains(Long.MAX_VALUE - 1));
    }

    @Test
    void refusesOverlappingOrBackwardRanges() {
        assertThrows(IllegalArgumentException.class, () -> new UidSet(List.of(new UidSet.Range(5, 6), new UidSet.Range(6, 8))));
        assertThrows(IllegalArgumentException.class, () -> new UidSet.Range(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new UidSet.Range(0, 2));
    }
}
