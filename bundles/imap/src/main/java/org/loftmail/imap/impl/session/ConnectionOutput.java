package org.loftmail.imap.impl.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.loftmail.api.protocol.Connection;

/**
 * The response stream of a session: collects a response line and hands it to the connection on
 * {@link #flush()} (the writer flushes at each CRLF); a large literal goes out in pieces so it is
 * never held whole.
 */
final class ConnectionOutput extends OutputStream {

    private static final int PASS_ON = 64 * 1024;

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
        if (buffer.size() > 0) {
            connection.write(buffer.toByteArray());
            buffer.reset();
        }
    }
}
