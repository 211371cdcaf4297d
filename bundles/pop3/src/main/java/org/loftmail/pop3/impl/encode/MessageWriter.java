package org.loftmail.pop3.impl.encode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a message as the data of a multi-line response (RFC 1939 section 3): every line end
 * becomes CRLF (a stored bare LF too), a line starting with '.' gets another '.', the data ends
 * with CRLF and the terminating {@code .} line follows. For TOP it stops after the header, the
 * empty line that ends it and {@code bodyLines} lines of the body.
 */
public final class MessageWriter {

    /** No line limit (RETR). */
    public static final long ALL = -1;

    private static final int CHUNK = 8192;

    private MessageWriter() {
    }

    /**
     * Copies {@code in} to {@code out} and writes the terminating line.
     *
     * @param bodyLines lines of the body to send after the header, or {@link #ALL}
     * @return the bytes written, the terminating line excluded
     */
    public static long write(InputStream in, ReplyWriter out, long bodyLines) throws IOException {
        long start = out.written();
        byte[] chunk = new byte[CHUNK];
        byte[] buf = new byte[CHUNK * 2 + 4];
        int last = '\n';
        int lineLength = 0;
        boolean inBody = false;
        long left = bodyLines;
        boolean done = false;
        int n;
        outer:
        while (!done && (n = in.read(chunk)) > 0) {
            int o = 0;
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    if (last != '\r') {
                        buf[o++] = '\r';
                    }
                    buf[o++] = b;
                    last = b;
                    boolean emptyLine = lineLength == 0;
                    lineLength = 0;
                    if (bodyLines != ALL) {
                        if (inBody) {
                            if (--left <= 0) {
                                done = true;
                            }
                        } else if (emptyLine) {
                            inBody = true;
                            if (left <= 0) {
                                done = true;
                            }
                        }
                    }
                    if (done) {
                        out.bytes(buf, 0, o);
                        break outer;
                    }
                    continue;
                }
                if (b == '.' && last == '\n') {
                    buf[o++] = '.';
                }
                buf[o++] = b;
                if (b != '\r') {
                    lineLength++;
                }
                last = b;
            }
            out.bytes(buf, 0, o);
        }
        if (last != '\n') {
            out.bytes(new byte[] {'\r', '\n'});
        }
        long size = out.written() - start;
        out.end();
        return size;
    }
}
