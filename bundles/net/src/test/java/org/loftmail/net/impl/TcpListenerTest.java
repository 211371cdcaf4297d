package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;

@Timeout(60)
class TcpListenerTest {

    @TempDir
    Path spool;

    private final List<Listener> listeners = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (TestClient c : clients) {
            c.close();
        }
        listeners.forEach(Listener::stop);
    }

    TcpListener start(ListenerSettings s, Protocol p) throws IOException {
        return start(s, p, new ConnectionLimiter(s.service()));
    }

    TcpListener start(ListenerSettings s, Protocol p, ConnectionLimiter limiter) throws IOException {
        ListenerRuntime rt = new ListenerRuntime(s, limiter, spool);
        if (p != null) {
            rt.protocolAdded(p);
        }
        TcpListener l = new TcpListener(rt, null);
        listeners.add(l);
        l.start();
        return l;
    }

    static ListenerSettings local(String name) {
        return ListenerSettings.inet(name, "echo", List.of("127.0.0.1"), 0);
    }

    TestClient connect(TcpListener l) throws IOException {
        TestClient c = TestClient.connect(l.address());
        clients.add(c);
        return c;
    }

    /** Connects and reads the greeting. */
    TestClient session(TcpListener l) throws IOException {
        TestClient c = connect(l);
        String greeting = c.readLine();
        assertNotNull(greeting, "greeting");
        assertTrue(greeting.startsWith("* OK echo "), greeting);
        return c;
    }

    @Test
    void echoOverIpv4() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("test4"), echo);
        TestClient c = session(l);
        assertEquals("ECHO hello world", c.send("hello world\r\n").readLine());
        int port = c.socket().getLocalPort();
        assertEquals("WHO 127.0.0.1:" + port + " secure=false local=true tls=false listener=test4 user=-",
                c.send("WHO\r\n").readLine());
        assertEquals("OK", c.send("USER alice\r\n").readLine());
        String mdc = c.send("MDC\r\n").readLine();
        assertTrue(mdc.matches("MDC session=\\S+ user=alice remote=127\\.0\\.0\\.1:" + port + " thread=loft-session-\\S+ virtual"), mdc);
        assertEquals("BYE", c.send("QUIT\r\n").readLine());
        assertTrue(c.closedByServer());
        assertTrue(echo.closed.tryAcquire(10, TimeUnit.SECONDS), "closed() called");
        assertTrue(echo.threads.stream().allMatch(t -> t.startsWith("loft-session-") && t.endsWith("virtual")), echo.threads.toString());
    }

    @Test
    void echoOverIpv6() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            assertNotNull(probe);
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here: " + e);
        }
        TcpListener l = start(ListenerSettings.inet("test6", "echo", List.of("::1"), 0), new EchoProtocol());
        assertEquals(v6, l.address().getAddress());
        TestClient c = session(l);
        assertEquals("ECHO six", c.send("six\r\n").readLine());
        assertEquals("WHO [::1]:" + c.socket().getLocalPort() + " secure=false local=true tls=false listener=test6 user=-",
                c.send("WHO\r\n").readLine());
    }

    @Test
    void allIpv4AndAllIpv6OnOnePort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TcpListener l = start(ListenerSettings.inet("dual", "echo", List.of("*", "::"), port), new EchoProtocol());
        assertTrue(l.boundAddresses().stream().allMatch(a -> ((InetSocketAddress) a).getPort() == port), l.boundAddresses().toString());
        TestClient c = connect4(port);
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertEquals("ECHO v4", c.send("v4\r\n").readLine());
    }

    TestClient connect4(int port) throws IOException {
        TestClient c = TestClient.connect(new InetSocketAddress("127.0.0.1", port));
        clients.add(c);
        return c;
    }

    @Test
    void pipelinedCommandsAnsweredInOrder() throws Exception {
        TcpListener l = start(local("pipe"), new EchoProtocol());
        TestClient c = session(l);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            b.append("C").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        c.send(b.toString());
        for (int i = 0; i < 500; i++) {
            assertEquals("ECHO C" + i, c.readLine());
        }
    }

    @Test
    void longLineAndRefusedLiteralsGetAnErrorAndTheConnectionKeepsWorking() throws Exception {
        TcpListener l = start(local("limits"), new EchoProtocol(Framing.linesWithLiterals(200), 100));
        TestClient c = session(l);
        c.send("A " + "x".repeat(5000) + "\r\n");
        assertEquals("BAD LINE_TOO_LONG", c.readLine());
        assertEquals("ECHO A NOOP", c.send("A NOOP\r\n").readLine());

        c.send("B APPEND INBOX {1000}\r\n");
        assertEquals("NO literal too big", c.readLine());
        assertEquals("BAD LITERAL_REFUSED", c.readLine());
        assertEquals("ECHO B NOOP", c.send("B NOOP\r\n").readLine());

        c.send("C APPEND INBOX {1000+}\r\n" + "y".repeat(1000) + " (\\Seen)\r\nC NOOP\r\n");
        assertEquals("NO literal too big", c.readLine());
        assertEquals("BAD LITERAL_REFUSED", c.readLine());
        assertEquals("ECHO C NOOP", c.readLine());

        c.send("D LOGIN {3}\r\n");
        assertEquals("+ go", c.readLine());
        c.send("bob {6+}\r\nsecret\r\n");
        assertEquals("ECHO D LOGIN {3}[3 " + EchoProtocol.sha8("bob".getBytes(StandardCharsets.US_ASCII)) + "] {6+}[6 "
                + EchoProtocol.sha8("secret".getBytes(StandardCharsets.US_ASCII)) + "]", c.readLine());
    }

    @Test
    void largeLiteralIsSpooledAndReleased() throws Exception {
        TcpListener l = start(local("big"), new EchoProtocol(Framing.linesWithLiterals(200), 10 << 20));
        TestClient c = session(l);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        c.send("A APPEND INBOX {" + data.length + "+}\r\n");
        c.send(data);
        c.send("\r\n");
        assertEquals("ECHO A APPEND INBOX {" + data.length + "+}[" + data.length + " " + EchoProtocol.sha8(data) + "]", c.readLine());
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count(), "spool file deleted after the command");
        }
    }

    @Test
    void refusesWhileNoProtocolThenServesThenClosesWhenItGoes() throws Exception {
        TcpListener l = start(local("dyn"), null);
        TestClient refused = connect(l);
        assertTrue(refused.closedByServer(), "refused while no protocol is running");

        EchoProtocol echo = new EchoProtocol();
        l.runtime().protocolAdded(echo);
        TestClient c = session(l);
        assertEquals("ECHO up", c.send("up\r\n").readLine());

        // another listener with another protocol keeps its session
        EchoProtocol other = new EchoProtocol();
        TcpListener l2 = start(local("other"), other);
        TestClient c2 = session(l2);

        l.runtime().protocolRemoved(echo);
        assertTrue(c.closedByServer(), "sessions of the removed protocol are closed");
        assertTrue(echo.closed.tryAcquire(10, TimeUnit.SECONDS));
        assertTrue(connect(l).closedByServer(), "new connections refused again");
        assertEquals("ECHO still here", c2.send("still here\r\n").readLine());
    }

    @Test
    void replacingTheProtocolClosesSessionsOfTheOldOne() throws Exception {
        EchoProtocol first = new EchoProtocol();
        TcpListener l = start(local("greedy"), first);
        TestClient old = session(l);
        EchoProtocol second = new EchoProtocol();
        l.runtime().protocolAdded(second);
        l.runtime().protocolRemoved(first);
        assertTrue(old.closedByServer());
        session(l);
        assertEquals(1, second.opened.get());
    }

    @Test
    void floodFromOneAddressBeyondThePerIpLimitIsRefusedWhileOthersWork() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("flood").withLimits(0, 3), echo);
        List<TestClient> ok = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ok.add(session(l));
        }
        for (int i = 0; i < 25; i++) {
            assertTrue(connect(l).closedByServer(), "connection " + (i + 4) + " refused");
        }
        for (TestClient c : ok) {
            assertEquals("ECHO alive", c.send("alive\r\n").readLine());
        }
        assertEquals(3, echo.opened.get());
        ok.get(0).send("QUIT\r\n");
        assertEquals("BYE", ok.get(0).readLine());
        assertTrue(echo.closed.tryAcquire(10, TimeUnit.SECONDS));
        session(l); // a place is free again
    }

    @Test
    void perIpLimitCountsAcrossListenersOfTheService() throws Exception {
        ConnectionLimiter shared = new ConnectionLimiter("imap-login");
        TcpListener a = start(local("imap").withLimits(0, 2), new EchoProtocol(), shared);
        TcpListener b = start(local("imaps").withLimits(0, 2), new EchoProtocol(), shared);
        session(a);
        session(b);
        assertTrue(connect(a).closedByServer());
        assertTrue(connect(b).closedByServer());
        assertEquals(2, shared.count(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void clientLimit() throws Exception {
        TcpListener l = start(local("few").withLimits(2, 0), new EchoProtocol());
        TestClient c1 = session(l);
        session(l);
        assertTrue(connect(l).closedByServer());
        assertEquals("ECHO ok", c1.send("ok\r\n").readLine());
    }

    @Test
    void idleTimeoutCallsTheSession() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("idle").withIdleTimeout(Duration.ofMillis(300)), echo);
        TestClient c = session(l);
        assertEquals("BYE idle", c.readLine());
        assertTrue(c.closedByServer());

        TestClient d = session(l);
        assertEquals("OK", d.send("IDLE 60000\r\n").readLine());
        assertEquals("ECHO still", d.send("still\r\n").readLine());
        assertEquals("OK", d.send("IDLE 200\r\n").readLine());
        assertEquals("BYE idle", d.readLine());
    }

    @Test
    void exceptionInTheSessionClosesTheConnection() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("boom"), echo);
        TestClient c = session(l);
        TestClient other = session(l);
        c.send("THROW\r\nNEVER\r\n");
        assertTrue(c.closedByServer());
        assertTrue(echo.closed.tryAcquire(10, TimeUnit.SECONDS));
        assertEquals(0, echo.count("NEVER"));
        assertEquals("ECHO fine", other.send("fine\r\n").readLine());
    }

    @Test
    void startTlsIsRefusedWithoutTls() throws Exception {
        TcpListener l = start(local("notls"), new EchoProtocol());
        TestClient c = session(l);
        assertEquals("NO TLS not available", c.send("STARTTLS\r\n").readLine());
    }

    @Test
    void writerBlocksWhileThePeerDoesNotRead() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("slow"), echo);
        Socket s = new Socket();
        s.setReceiveBufferSize(32 * 1024);
        s.connect(l.address());
        TestClient c = TestClient.over(s);
        clients.add(c);
        assertTrue(c.readLine().startsWith("* OK"));
        long total = 48L * 1024 * 1024;
        c.send("BIG " + total + "\r\n");
        assertFalse(echo.bigWritten.tryAcquire(1, TimeUnit.SECONDS),
                "the session thread is held while output is not read");
        InputStream in = s.getInputStream();
        byte[] buf = new byte[256 * 1024];
        long read = 0;
        while (read < total) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, total - read)); // not into the DONE line
            assertTrue(n > 0);
            read += n;
        }
        assertTrue(echo.bigWritten.tryAcquire(10, TimeUnit.SECONDS));
        assertEquals("DONE", c.readLine());
    }

    @Test
    void inputWaitsWhileTheSessionIsBusyAndNothingIsLost() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        echo.sleepLatch = new CountDownLatch(1);
        TcpListener l = start(local("busy"), echo);
        TestClient c = session(l);
        int lines = 30_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                c.send("SLEEP\r\n");
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < lines; i++) {
                    b.append("L").append(i).append(' ').append("z".repeat(40)).append("\r\n");
                    if (b.length() > 60_000) {
                        c.send(b.toString());
                        b.setLength(0);
                    }
                }
                c.send(b.toString());
            } catch (IOException e) {
                failure.set(e);
            }
        });
        echo.sleepLatch.countDown();
        assertEquals("AWAKE", c.readLine());
        for (int i = 0; i < lines; i++) {
            assertEquals("ECHO L" + i + " " + "z".repeat(40), c.readLine());
        }
        writer.join(10_000);
        assertEquals(null, failure.get());
    }

    @Test
    void stopClosesSessionsAndSockets() throws Exception {
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("stop"), echo);
        TestClient c = session(l);
        InetSocketAddress address = l.address();
        l.stop();
        listeners.remove(l);
        assertTrue(c.closedByServer());
        assertTrue(echo.closed.tryAcquire(10, TimeUnit.SECONDS));
        try (Socket s = new Socket()) {
            s.connect(address, 2000);
            throw new AssertionError("still listening");
        } catch (IOException expected) {
            // refused
        }
    }
}
