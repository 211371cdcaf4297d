package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.UidSet;

class SequenceMapTest {

    @Test
    void mapsSequenceNumbersAndUidsBothWays() {
        SequenceMap m = new SequenceMap();
        m.append(List.of(3L, 5L, 9L, 12L));
        assertEquals(9, m.uid(3));
        assertEquals(2, m.seq(5));
        assertEquals(0, m.seq(6));
        assertArrayEquals(new int[] {2, 3}, m.sequencesOf(UidSet.range(4, 10)));
        assertEquals(List.of(5L, 12L), m.uidsIn(UidSet.of(5, 6, 12, 40)));
        m.removeAt(2);
        assertEquals(List.of(3L, 9L, 12L), m.uidsIn(UidSet.all()));
        assertThrows(IndexOutOfBoundsException.class, () -> m.uid(4));
        assertThrows(IllegalStateException.class, () -> m.append(List.of(11L)));
    }

    @Test
    void growsPastItsInitialCapacity() {
        SequenceMap m = new SequenceMap();
        for (long uid = 1; uid <= 1000; uid++) {
            m.append(List.of(uid));
        }
        assertEquals(1000, m.size());
        assertEquals(777, m.uid(777));
    }
}
