package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class UnixListenerTest {

    @TempDir
    Path dir;

    private final List<Listener> listeners = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (TestClient c : clients) {
            c.close();
        }
        listeners.forEach(Listener::stop);
    }

    UnixListener start(ListenerSettings s, EchoProtocol p) throws IOException {
        ListenerRuntime rt = new ListenerRuntime(s, new ConnectionLimiter(s.service()), dir);
        if (p != null) {
            rt.protocolAdded(p);
        }
        UnixListener l = new UnixListener(rt);
        listeners.add(l);
        l.start();
        return l;
    }

    TestClient session(UnixListener l) throws IOException {
        TestClient c = TestClient.connect(UnixDomainSocketAddress.of(l.path()));
        clients.add(c);
        assertTrue(c.readLine().startsWith("* OK echo"));
        return c;
    }

    @Test
    void echoWithModeAndParentDirectories() throws Exception {
        Path socket = dir.resolve("run/loft/lmtp");
        EchoProtocol echo = new EchoProtocol();
        UnixListener l = start(ListenerSettings.unix("lmtp", "lmtp", socket.toString(), "0660"), echo);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        TestClient c = session(l);
        assertEquals("ECHO LHLO localhost", c.send("LHLO localhost\r\n").readLine());
        assertEquals("WHO unix secure=false local=true tls=false listener=lmtp user=-", c.send("WHO\r\n").readLine());
        assertEquals("NO TLS not available", c.send("STARTTLS\r\n").readLine());
        c.send("A {5+}\r\nhello\r\n");
        assertEquals("ECHO A {5+}[5 " + EchoProtocol.sha8("hello".getBytes(StandardCharsets.US_ASCII)) + "]", c.readLine());
        assertEquals("BYE", c.send("QUIT\r\n").readLine());
        assertTrue(c.closedByServer());
        assertTrue(echo.closed.tryAcquire(10, TimeUnit.SECONDS));
        l.stop();
        listeners.remove(l);
        assertTrue(Files.notExists(socket), "socket file removed on stop");
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the file behind
        }
        assertTrue(Files.exists(socket));
        UnixListener l = start(ListenerSettings.unix("stale", "echo", socket.toString(), "0600"), new EchoProtocol());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("ECHO ok", session(l).send("ok\r\n").readLine());
    }

    @Test
    void socketInUseIsNotTakenOver() throws Exception {
        Path socket = dir.resolve("busy.sock");
        start(ListenerSettings.unix("first", "echo", socket.toString(), "0600"), new EchoProtocol());
        ListenerSettings s = ListenerSettings.unix("second", "echo", socket.toString(), "0600");
        UnixListener second = new UnixListener(new ListenerRuntime(s, new ConnectionLimiter("echo"), dir));
        IOException e = assertThrows(IOException.class, second::start);
        assertTrue(e.getMessage().contains("another process is listening"), e.getMessage());
        second.stop();
    }

    @Test
    void unknownOwnerIsLoggedAndIgnored() throws Exception {
        Path socket = dir.resolve("owned.sock");
        UnixListener l = start(ListenerSettings.unix("owned", "echo", socket.toString(), "0666")
                .withOwner("no-such-user-loft", "no-such-group-loft"), new EchoProtocol());
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("ECHO fine", session(l).send("fine\r\n").readLine());
    }

    @Test
    void refusedWithoutProtocol() throws Exception {
        Path socket = dir.resolve("none.sock");
        UnixListener l = start(ListenerSettings.unix("none", "lmtp", socket.toString(), "0600"), null);
        TestClient c = TestClient.connect(UnixDomainSocketAddress.of(l.path()));
        clients.add(c);
        assertEquals(null, c.readLine());
        EchoProtocol echo = new EchoProtocol();
        l.runtime().protocolAdded(echo);
        TestClient d = session(l);
        l.runtime().protocolRemoved(echo);
        assertEquals(null, d.readLine());
    }

    @Test
    void proxyHeaderOnUnixSocket() throws Exception {
        Path socket = dir.resolve("proxied.sock");
        UnixListener l = start(ListenerSettings.unix("proxied", "echo", socket.toString(), "0600")
                .withHaproxy(true, ListenerSettings.DEFAULT_PROXY_HEADER_TIMEOUT), new EchoProtocol());
        TestClient c = TestClient.connect(UnixDomainSocketAddress.of(l.path()));
        clients.add(c);
        c.send("PROXY TCP4 198.51.100.9 192.0.2.1 4444 24\r\nWHO\r\n");
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertEquals("WHO 198.51.100.9:4444 secure=false local=false tls=false listener=proxied user=-", c.readLine());
    }
}
