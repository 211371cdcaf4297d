package org.loftmail.imap.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strings (quoted or literal, as Dovecot chooses), astrings, literals streamed in chunks. */
class ResponseWriterTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain text|\"plain text\"",
            "''|\"\"",
            "say \"hi\"|\"say \\\"hi\\\"\"",
            "back\\slash|\"back\\\\slash\""})
    void quoted(String value, String wire) {
        Wire w = new Wire();
        w.writer.untagged().string(value).end();
        assertEquals("* " + wire + "\r\n", w.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "INBOX|INBOX", "Sent|Sent", "a]b|a]b", "Sent Items|\"Sent Items\"", "nil|\"nil\"", "''|\"\"",
            "50%|\"50%\"", "x*|\"x*\"", "(x)|\"(x)\""})
    void astrings(String value, String wire) {
        Wire w = new Wire();
        w.writer.untagged().astring(value).end();
        assertEquals("* " + wire + "\r\n", w.text());
    }

    /** 8-bit text and CR/LF cannot be quoted: they go as literals (Dovecot's choice). */
    @Test
    void literalsFor8BitAndLineBreaks() {
        Wire w = new Wire();
        w.writer.untagged().string("caf\u00e9").string("line\r\nbreak").astring("Entw\u00fcrfe").end();
        assertEquals("* {5}\r\ncaf\u00e9 {11}\r\nline\r\nbreak {9}\r\nEntw\u00fcrfe\r\n", w.text());
    }

    @Test
    void nilAndNestedLists() {
        Wire w = new Wire();
        w.writer.untagged().open().nstring(null).open().atom("a").number(1).close().nstring("x").close().end();
        assertEquals("* (NIL (a 1) \"x\")\r\n", w.text());
    }

    @Test
    void binaryLiteral() {
        Wire w = new Wire();
        w.writer.untagged().literal(new ByteArrayInputStream(new byte[] {'a', 0, 'b'}), 3, true).end();
        assertEquals("* ~{3}\r\na\0b\r\n", w.text());
    }

    /** 64 MiB go through a 16 KiB buffer: the writer never asks for more than it writes. */
    @Test
    void streamsALargeLiteralInChunks() {
        long size = 64L * 1024 * 1024;
        PatternStream source = new PatternStream(size);
        CheckingSink sink = new CheckingSink();
        ResponseWriter writer = new ResponseWriter(sink);
        writer.untagged().number(1).atom("FETCH").open().atom("BODY[]").literal(source, size, false).close().end();
        assertEquals("* 1 FETCH (BODY[] {67108864}\r\n", sink.head.toString());
        assertEquals(size, sink.bodyBytes);
        assertEquals(0, sink.mismatches);
        assertEquals(")\r\n", sink.tail.toString());
        assertEquals(16 * 1024, source.largestRead);
    }

    @Test
    void shortSourceFailsInsteadOfCorruptingTheStream() {
        Wire w = new Wire();
        assertThrows(UncheckedIOException.class,
                () -> w.writer.untagged().literal(new ByteArrayInputStream(new byte[2]), 5, false));
    }

    /** Yields {@code size} bytes of a known pattern (i mod 251) without holding them. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long pos;
        int largestRead;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return pos < size ? (int) (pos++ % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (pos++ % 251);
            }
            largestRead = Math.max(largestRead, n);
            return n;
        }
    }

    /** Keeps the response line around the literal and checks the literal bytes against the pattern. */
    private static final class CheckingSink extends OutputStream {
        final StringBuilder head = new StringBuilder();
        final StringBuilder tail = new StringBuilder();
        long bodyBytes;
        long mismatches;
        private int crlfSeen;

        @Override
        public void write(int b) {
            if (crlfSeen == 0) {
                head.append((char) b);
                if (head.toString().endsWith("}\r\n")) {
                    crlfSeen = 1;
                }
            } else if (bodyBytes < 64L * 1024 * 1024) {
                if ((byte) (bodyBytes % 251) != (byte) b) {
                    mismatches++;
                }
                bodyBytes++;
            } else {
                tail.append((char) b);
            }
        }
    }
}
