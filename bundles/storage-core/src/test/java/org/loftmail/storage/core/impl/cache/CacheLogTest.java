package org.loftmail.storage.core.impl.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheLogTest {

    private static final long VALIDITY = 1_700_000_000L;

    private static byte[] log(long validity, CacheLog.Entry... entries) {
        int size = CacheLog.HEADER_SIZE;
        for (CacheLog.Entry e : entries) {
            size += e.size();
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(CacheLog.header(validity));
        for (CacheLog.Entry e : entries) {
            CacheLog.record(e, b);
        }
        return b.array();
    }

    private static CacheLog.Entry entry(long uid, String field, String value) {
        return new CacheLog.Entry(uid, field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CacheLog.Entry> read(byte[] log, long validity, CacheLog.Result[] result) throws IOException {
        List<CacheLog.Entry> out = new ArrayList<>();
        result[0] = CacheLog.read(new ByteArrayInputStream(log), validity, out::add);
        return out;
    }

    @Test
    void recordsReadBackInOrder() throws IOException {
        byte[] log = log(VALIDITY, entry(1, "imap.envelope", "(NIL)"), entry(2, "x", ""), entry(1, "imap.body", "ü"));
        CacheLog.Result[] r = new CacheLog.Result[1];
        List<CacheLog.Entry> got = read(log, VALIDITY, r);
        assertEquals(3, got.size());
        assertEquals(1, got.get(0).uid());
        assertEquals("imap.envelope", got.get(0).field());
        assertArrayEquals("(NIL)".getBytes(StandardCharsets.UTF_8), got.get(0).value());
        assertEquals(0, got.get(1).value().length);
        assertArrayEquals("ü".getBytes(StandardCharsets.UTF_8), got.get(2).value());
        assertEquals(new CacheLog.Result(true, log.length, false), r[0]);
    }

    @Test
    void aTornTailKeepsEveryWholeRecordBeforeIt() throws IOException {
        byte[] whole = log(VALIDITY, entry(1, "a", "first"), entry(2, "a", "second value"));
        int firstEnd = CacheLog.HEADER_SIZE + entry(1, "a", "first").size();
        for (int cut = firstEnd + 1; cut < whole.length; cut++) {
            CacheLog.Result[] r = new CacheLog.Result[1];
            List<CacheLog.Entry> got = read(Arrays.copyOf(whole, cut), VALIDITY, r);
            assertEquals(1, got.size(), "cut at " + cut);
            assertEquals(new CacheLog.Result(true, firstEnd, true), r[0], "cut at " + cut);
        }
    }

    @Test
    void aDamagedRecordEndsTheLog() throws IOException {
        byte[] log = log(VALIDITY, entry(1, "a", "first"), entry(2, "a", "second"), entry(3, "a", "third"));
        int second = CacheLog.HEADER_SIZE + entry(1, "a", "first").size();
        log[second + 8 + 12] ^= 1; // a bit of the second record's value
        CacheLog.Result[] r = new CacheLog.Result[1];
        List<CacheLog.Entry> got = read(log, VALIDITY, r);
        assertEquals(List.of(1L), got.stream().map(CacheLog.Entry::uid).toList());
        assertTrue(r[0].torn());
    }

    @Test
    void anotherUidValidityOrABadHeaderReadsAsNoLog() throws IOException {
        byte[] log = log(VALIDITY, entry(1, "a", "v"));
        CacheLog.Result[] r = new CacheLog.Result[1];
        assertEquals(List.of(), read(log, VALIDITY + 1, r));
        assertFalse(r[0].valid());
        log[3] = 'X';
        assertEquals(List.of(), read(log, VALIDITY, r));
        assertFalse(r[0].valid());
        assertEquals(List.of(), read(new byte[5], VALIDITY, r));
        assertFalse(r[0].valid());
    }

    @Test
    void fieldNamesArePrintableAsciiUpTo255() {
        assertTrue(CacheLog.validName("imap.envelope"));
        assertTrue(CacheLog.validName("x".repeat(255)));
        assertFalse(CacheLog.validName(""));
        assertFalse(CacheLog.validName("x".repeat(256)));
        assertFalse(CacheLog.validName("a b"));
        assertFalse(CacheLog.validName("é"));
    }
}
