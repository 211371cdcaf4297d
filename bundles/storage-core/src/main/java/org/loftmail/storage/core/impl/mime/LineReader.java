package org.loftmail.storage.core.impl.mime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines with their octet offsets, keeping at most {@link #KEEP} octets of each (enough for
 * headers that matter and boundaries, which RFC 2046 limits to 70 characters), with one line of
 * push-back.
 */
final class LineReader {

    static final int KEEP = 1000;

    /** A line: its start offset, the offset after its line break, its text without the break. */
    record Line(long start, long next, int breakLength, String text) {
    }

    private final InputStream in;
    private long offset;
    private Line pushed;
    private final byte[] buf = new byte[KEEP];

    LineReader(InputStream in) {
        this.in = new BufferedInputStream(in, 16384);
    }

    /** The next line, or {@code null} at the end. */
    Line next() throws IOException {
        if (pushed != null) {
            Line l = pushed;
            pushed = null;
            return l;
        }
        int kept = 0;
        long start = offset;
        int b;
        int prev = -1;
        while ((b = in.read()) >= 0) {
            offset++;
            if (b == '\n') {
                int brk = prev == '\r' ? 2 : 1;
                int len = prev == '\r' && kept > 0 && kept <= KEEP && offset - start - 1 <= KEEP ? kept - 1 : kept;
                return new Line(start, offset, brk, new String(buf, 0, len, StandardCharsets.ISO_8859_1));
            }
            if (kept < KEEP) {
                buf[kept++] = (byte) b;
            }
            prev = b;
        }
        if (offset == start) {
            return null;
        }
        return new Line(start, offset, 0, new String(buf, 0, kept, StandardCharsets.ISO_8859_1));
    }

    void pushBack(Line line) {
        pushed = line;
    }

    /** The offset of the next unread octet (ignoring a pushed-back line). */
    long offset() {
        return pushed != null ? pushed.start() : offset;
    }
}
