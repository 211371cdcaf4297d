package org.loftmail.imap.impl.session;

import java.io.OutputStream;
import java.util.Arrays;
import org.loftmail.api.protocol.Connection;

/**
 * The response stream of a session: collects responses and hands them to the connection in
 * pieces of at least 16 KiB ({@link #flush()}, which the writer calls at each CRLF, only passes
 * on a full buffer) and whenever the session is done for now ({@link #push()}), so a FETCH of
 * thousands of lines costs a few writes and a large literal is never held whole. Used by the
 * session's thread only, so the buffer is a plain array (not a synchronized stream).
 */
final class ConnectionOutput extends OutputStream {

    private static final int PASS_ON = 16 * 1024;

    private final Connection connection;
    private byte[] buffer = new byte[PASS_ON * 2];
    private int length;

    ConnectionOutput(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > PASS_ON) {
            push();
            connection.write(Arrays.copyOfRange(b, off, off + len));
            return;
        }
        ensure(len);
        System.arraycopy(b, off, buffer, length, len);
        length += len;
        if (length >= PASS_ON) {
            push();
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    @Override
    public void flush() {
        if (length >= PASS_ON) {
            push();
        }
    }

    /** Hands everything buffered to the connection. */
    void push() {
        if (length > 0) {
            connection.write(Arrays.copyOf(buffer, length));
            length = 0;
        }
    }
}
