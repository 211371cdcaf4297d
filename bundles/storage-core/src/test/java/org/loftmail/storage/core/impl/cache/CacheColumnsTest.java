package org.loftmail.storage.core.impl.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CacheColumnsTest {

    private static byte[] v(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void valuesArriveInAnyUidOrderAndTheLastPutWins() {
        CacheColumns c = new CacheColumns();
        c.put(5, "a", v("5a"));
        c.put(2, "a", v("2a"));
        c.put(9, "a", v("9a"));
        c.put(2, "a", v("2a'"));
        c.put(2, "b", v("2b"));
        assertArrayEquals(v("2a'"), c.get(2, "a"));
        assertArrayEquals(v("9a"), c.get(9, "a"));
        assertArrayEquals(v("2b"), c.get(2, "b"));
        assertNull(c.get(3, "a"));
        assertNull(c.get(5, "b"));
        assertNull(c.get(5, "c"));
    }

    @Test
    void entriesComeByUidThenFieldAndRetainDropsTheRest() {
        CacheColumns c = new CacheColumns();
        c.put(3, "b", v("3b"));
        c.put(1, "b", v("1b"));
        c.put(3, "a", v("3a"));
        c.put(2, "a", v("2a"));
        assertEquals(List.of("1b", "2a", "3a", "3b"), names(c.entries()));
        c.retain(uid -> uid != 3);
        assertEquals(List.of("1b", "2a"), names(c.entries()));
        assertEquals(2L * (CacheLog.RECORD_OVERHEAD + 1 + 2), c.recordOctets());
        c.clear();
        assertEquals(List.of(), c.entries());
    }

    @Test
    void agreesWithASortedMapOverManyRandomPuts() {
        CacheColumns c = new CacheColumns();
        TreeMap<Long, String> expected = new TreeMap<>();
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            long uid = r.nextInt(2_000) + 1;
            String value = "v" + i;
            c.put(uid, "f", v(value));
            expected.put(uid, value);
        }
        for (long uid = 0; uid <= 2_001; uid++) {
            String want = expected.get(uid);
            byte[] got = c.get(uid, "f");
            assertEquals(want, got == null ? null : new String(got, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static List<String> names(List<CacheLog.Entry> entries) {
        return entries.stream().map(e -> new String(e.value(), java.nio.charset.StandardCharsets.US_ASCII)).toList();
    }
}
