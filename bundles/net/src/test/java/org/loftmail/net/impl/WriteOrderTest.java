package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;

/**
 * Output reaches the peer whole and in order whether a write goes straight to the socket, only
 * partly (the peer's buffers are full) with the rest queued, or wholly queued behind earlier
 * output; also when another thread writes between the session's writes.
 */
@Timeout(60)
class WriteOrderTest {

    @TempDir
    Path spool;

    private final List<Listener> listeners = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        listeners.forEach(Listener::stop);
    }

    /** {@code LINES n seed}: n numbered lines in writes of random sizes; {@code OTHER n}: the same from another thread. */
    private static final class LinesProtocol implements Protocol {
        @Override
        public Framing framing() {
            return Framing.lines(100);
        }

        @Override
        public ProtocolSession open(Connection c) {
            return new ProtocolSession() {
                @Override
                public void started() {
                    c.write("READY\r\n");
                }

                @Override
                public void commandReceived(Command command) {
                    String[] words = command.firstLine().split(" ");
                    int n = Integer.parseInt(words[1]);
                    if (words[0].equals("OTHER")) {
                        Thread.ofPlatform().start(() -> writeLines(c, "other", n, 2));
                    } else {
                        writeLines(c, "session", n, Long.parseLong(words[2]));
                    }
                }

                @Override
                public void inputRejected(InputError error) {
                }

                @Override
                public void closed() {
                }
            };
        }
    }

    /** Writes "{@code who} i" lines, i = 0..n-1, grouped into writes of 1 to ~2000 lines. */
    private static void writeLines(Connection c, String who, int n, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(who).append(' ').append(i).append(' ').append("p".repeat(random.nextInt(60))).append("\r\n");
            if (random.nextInt(random.nextBoolean() ? 3 : 2000) == 0 || i == n - 1) {
                c.write(b.toString());
                b.setLength(0);
            }
        }
    }

    private Socket connect(int receiveBuffer) throws IOException {
        ListenerSettings settings = ListenerSettings.inet("lines", "lines", List.of("127.0.0.1"), 0);
        ListenerRuntime rt = new ListenerRuntime(settings, new ConnectionLimiter(settings.service()), spool);
        rt.protocolAdded(new LinesProtocol());
        TcpListener l = new TcpListener(rt, null);
        listeners.add(l);
        l.start();
        Socket s = new Socket();
        sockets.add(s);
        s.setReceiveBufferSize(receiveBuffer);
        s.connect(l.address());
        s.setSoTimeout(TestClient.TIMEOUT_MS);
        return s;
    }

    /** Reads until {@code lines} lines arrived, slowly at first so the server's socket fills up. */
    private static List<String> readLines(InputStream in, int lines) throws Exception {
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        long reads = 0;
        while (out.size() < lines) {
            if (reads++ < 50) {
                Thread.sleep(5);
            }
            int n = in.read(buf);
            assertTrue(n > 0, "connection ended after " + out.size() + " lines");
            for (int i = 0; i < n; i++) {
                line.write(buf[i]);
                if (buf[i] == '\n') {
                    out.add(line.toString(StandardCharsets.US_ASCII));
                    line.reset();
                }
            }
        }
        return out;
    }

    private static void assertNumbered(List<String> lines, String who, int n) {
        int next = 0;
        for (String l : lines) {
            if (l.startsWith(who + " ")) {
                assertTrue(l.endsWith("\r\n"), l);
                assertEquals(who + " " + next, l.substring(0, l.indexOf(' ', who.length() + 1)), "line order");
                next++;
            }
        }
        assertEquals(n, next);
    }

    @Test
    void manyWritesOfMixedSizesArriveInOrderThroughAFullSocket() throws Exception {
        Socket s = connect(8 * 1024);
        InputStream in = s.getInputStream();
        assertEquals(List.of("READY\r\n"), readLines(in, 1));
        int n = 60_000;
        s.getOutputStream().write("LINES 60000 7\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNumbered(readLines(in, n), "session", n);
        // and again once the queue has drained: writes go straight out
        s.getOutputStream().write("LINES 500 8\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNumbered(readLines(in, 500), "session", 500);
    }

    @Test
    void writesFromAnotherThreadKeepTheirOrderBetweenTheSessionsWrites() throws Exception {
        Socket s = connect(8 * 1024);
        InputStream in = s.getInputStream();
        assertEquals(List.of("READY\r\n"), readLines(in, 1));
        s.getOutputStream().write("OTHER 30000\r\nLINES 30000 9\r\n".getBytes(StandardCharsets.US_ASCII));
        List<String> lines = readLines(in, 60_000);
        assertNumbered(lines, "session", 30_000);
        assertNumbered(lines, "other", 30_000);
    }
}
