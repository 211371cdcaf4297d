package org.loftmail.pop3.impl.encode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The response stream of a session: status lines ({@code +OK}, {@code -ERR}), lines of a
 * multi-line response and message data. Collects output and hands it on in pieces of at least
 * 16 KiB and whenever the session is done for now ({@link #push()}), so a LIST of thousands of
 * lines costs a few writes and a large message is never held whole. Counts the bytes written
 * (for the logout line).
 */
public final class ReplyWriter {

    private static final int PASS_ON = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final Consumer<byte[]> sink;
    private byte[] buffer = new byte[256];
    private int length;
    private long written;

    /** @param sink receives each piece, e.g. {@code Connection::write} */
    public ReplyWriter(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    /** {@code +OK} with an optional text. */
    public void ok(String text) {
        line(text == null || text.isEmpty() ? "+OK" : "+OK " + text);
    }

    /** {@code -ERR} with a text (which may start with a response code such as {@code [AUTH]}). */
    public void err(String text) {
        line("-ERR " + text);
    }

    /** A line of a multi-line response; a line starting with '.' is byte-stuffed. */
    public void dataLine(String text) {
        line(text.startsWith(".") ? "." + text : text);
    }

    /** The end of a multi-line response. */
    public void end() {
        line(".");
    }

    /** A line as it is, CRLF added. */
    public void line(String text) {
        bytes(text.getBytes(StandardCharsets.UTF_8));
        bytes(CRLF);
    }

    public void bytes(byte[] data) {
        bytes(data, 0, data.length);
    }

    public void bytes(byte[] data, int off, int len) {
        if (length + len > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + len, buffer.length * 2));
        }
        System.arraycopy(data, off, buffer, length, len);
        length += len;
        written += len;
        if (length >= PASS_ON) {
            push();
        }
    }

    /** Hands everything buffered on. */
    public void push() {
        if (length > 0) {
            sink.accept(Arrays.copyOf(buffer, length));
            length = 0;
        }
    }

    /** Bytes written so far. */
    public long written() {
        return written;
    }
}
