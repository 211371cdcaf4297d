package org.loftmail.itests.protoscript;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A client connection of a line protocol: reads one server line at a time (CRLF, a bare LF is accepted
 * too), buffers what the client writes until {@link #flush()} (so that consecutive client lines go out
 * together, as a pipelining client sends them).
 */
public final class LineConnection implements AutoCloseable {

    /** What {@link #next()} returns when the server closed the connection. */
    public static final String EOF = null;

    private static final int MAX_LINE = 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Deque<String> pushback = new ArrayDeque<>();
    private final String label;
    private final Consumer<String> log;

    /** A TCP connection; every read waits at most timeoutMillis (SocketTimeoutException). */
    public LineConnection(String host, int port, int timeoutMillis, String label, Consumer<String> log)
            throws IOException {
        this.label = label;
        this.log = log;
        socket = ScriptConsole.connect(host, port, timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A connection over given streams (tests: canned server bytes in, client bytes out). */
    public LineConnection(InputStream in, OutputStream out, String label, Consumer<String> log) {
        this.socket = null;
        this.in = in;
        this.out = out;
        this.label = label;
        this.log = log;
    }

    public void setTimeout(int millis) throws IOException {
        if (socket != null) {
            socket.setSoTimeout(millis);
        }
    }

    public void log(String line) {
        log.accept(line);
    }

    /** Queues bytes; they are sent by the next {@link #flush()} (every read flushes first). */
    public void write(byte[] bytes) {
        pending.writeBytes(bytes);
    }

    public void flush() throws IOException {
        if (pending.size() > 0) {
            out.write(pending.toByteArray());
            out.flush();
            pending.reset();
        }
    }

    /** The next server line without its line end, or {@link #EOF}. */
    public String next() throws IOException {
        if (!pushback.isEmpty()) {
            return pushback.pop();
        }
        flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() > 0) {
                    return logged(line.toString(StandardCharsets.UTF_8) + "<no line end>");
                }
                log.accept(label + ": <EOF>");
                return EOF;
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return logged(new String(bytes, 0, n, StandardCharsets.UTF_8));
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("server line longer than " + MAX_LINE + " octets");
            }
            line.write(b);
        }
    }

    private String logged(String line) {
        log.accept(label + ": " + abbreviate(line, 300));
        return line;
    }

    /** Gives a line back: the next {@link #next()} returns it again. */
    public void pushBack(String line) {
        if (line != EOF) { // after the end of the stream every read gives EOF again
            pushback.push(line);
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " chars)";
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            } else {
                in.close();
                out.close();
            }
        } catch (IOException e) {
            // closing after the script: nothing left to report
        }
    }
}
