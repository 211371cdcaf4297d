package org.loftmail.pop3.impl.encode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a message as the data of a multi-line response (RFC 1939 section 3): every line end
 * becomes CRLF (a stored bare LF too), a line starting with '.' gets another '.', the data ends
 * with CRLF and the terminating {@code .} line follows. For TOP it stops after the header, the
 * empty line that ends it and {@code bodyLines} lines of the body; a header line counts as empty
 * when it holds nothing but CRs.
 *
 * <p>One per session: the read and output buffers are reused from message to message. Lines are
 * found with a tight scan for LF and copied whole, so the per-byte work stays small even before
 * the JIT compiler has seen the code.
 */
public final class MessageWriter {

    /** No line limit (RETR). */
    public static final long ALL = -1;

    private static final int CHUNK = 8192;
    private static final byte[] CRLF = {'\r', '\n'};

    private final byte[] chunk = new byte[CHUNK];
    /** Converted output of one chunk: at most two bytes for each byte read (LF to CRLF, '.' to ".."). */
    private final byte[] staged = new byte[CHUNK * 2];

    // the message being written
    private long bodyLines;
    private long left;
    private boolean inBody;
    private boolean lineHasContent;
    private boolean done;
    /** The last byte read (LF before the first one: the data starts at a line start). */
    private byte last;

    /**
     * Copies {@code in} to {@code out} and writes the terminating line.
     *
     * @param bodyLines lines of the body to send after the header, or {@link #ALL}
     * @return the bytes written, the terminating line excluded
     */
    public long write(InputStream in, ReplyWriter out, long bodyLines) throws IOException {
        begin(bodyLines);
        long start = out.written();
        int n;
        while (!done && (n = in.read(chunk)) > 0) {
            out.bytes(staged, 0, convert(n));
        }
        if (last != '\n') {
            out.bytes(CRLF);
        }
        long size = out.written() - start;
        out.end();
        return size;
    }

    private void begin(long lines) {
        bodyLines = lines;
        left = lines;
        inBody = false;
        lineHasContent = false;
        done = false;
        last = '\n';
    }

    /** Converts {@code chunk[0..n)} into {@code staged}; returns the length of the output. */
    private int convert(int n) {
        int o = 0;
        int i = 0;
        while (i < n) {
            if (last == '\n' && chunk[i] == '.') {
                staged[o++] = '.';
            }
            int lf = indexOfLf(i, n);
            if (lf < 0) {
                // the line goes on in the next chunk
                o = copy(i, n, o);
                noteContent(i, n);
                last = chunk[n - 1];
                return o;
            }
            o = copy(i, lf, o);
            noteContent(i, lf);
            if ((lf > i ? chunk[lf - 1] : last) != '\r') {
                staged[o++] = '\r';
            }
            staged[o++] = '\n';
            last = '\n';
            i = lf + 1;
            if (lineEnded()) {
                done = true;
                return o;
            }
        }
        return o;
    }

    private int indexOfLf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int copy(int from, int to, int o) {
        System.arraycopy(chunk, from, staged, o, to - from);
        return o + to - from;
    }

    /** For TOP, while in the header: whether the current line holds more than CRs. */
    private void noteContent(int from, int to) {
        if (bodyLines == ALL || inBody || lineHasContent) {
            return;
        }
        for (int i = from; i < to; i++) {
            if (chunk[i] != '\r') {
                lineHasContent = true;
                return;
            }
        }
    }

    /** A line end was written; returns whether TOP has sent all it should. */
    private boolean lineEnded() {
        if (bodyLines == ALL) {
            return false;
        }
        boolean empty = !lineHasContent;
        lineHasContent = false;
        if (inBody) {
            return --left <= 0;
        }
        if (empty) {
            inBody = true;
            return left <= 0;
        }
        return false;
    }
}
