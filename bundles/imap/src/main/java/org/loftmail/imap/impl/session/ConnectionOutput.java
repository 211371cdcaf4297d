package org.loftmail.imap.impl.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.loftmail.api.protocol.Connection;

/**
 * The response stream of a session: collects responses and hands them to the connection in
 * pieces of at least 16 KiB ({@link #flush()}, which the writer calls at each CRLF, only passes
 * on a full buffer) and whenever the session is done for now ({@link #push()}), so a FETCH of
 * thousands of lines costs a few writes and a large literal is never held whole.
 */
final class ConnectionOutput extends OutputStream {

    private static final int PASS_ON = 16 * 1024;

    private final Connection connection;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

    ConnectionOutput(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void write(int b) {
        buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        if (buffer.size() >= PASS_ON) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (buffer.size() >= PASS_ON) {
            push();
        }
    }

    /** Hands everything buffered to the connection. */
    void push() {
        if (buffer.size() > 0) {
            connection.write(buffer.toByteArray());
            buffer.reset();
        }
    }
}
