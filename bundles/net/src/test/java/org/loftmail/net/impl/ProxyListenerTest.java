package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.net.impl.proxy.ProxyHeaders;

/** HAProxy PROXY protocol on TCP listeners. */
@Timeout(60)
class ProxyListenerTest {

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

    TcpListener start(ListenerSettings s) throws IOException {
        ListenerRuntime rt = new ListenerRuntime(s, new ConnectionLimiter(s.service()), spool);
        rt.protocolAdded(new EchoProtocol());
        TcpListener l = new TcpListener(rt, null);
        listeners.add(l);
        l.start();
        return l;
    }

    static ListenerSettings proxied(String name) {
        return ListenerSettings.inet(name, "echo", List.of("127.0.0.1"), 0).withHaproxy(true, Duration.ofMillis(500));
    }

    TestClient connect(TcpListener l) throws IOException {
        TestClient c = TestClient.connect(l.address());
        clients.add(c);
        return c;
    }

    @Test
    void v1HeaderGivesTheRemoteAddress() throws Exception {
        TcpListener l = start(proxied("v1"));
        TestClient c = connect(l);
        c.send("PROXY TCP4 203.0.113.7 192.0.2.1 5555 143\r\n");
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertEquals("WHO 203.0.113.7:5555 secure=false local=false tls=false listener=v1 user=-", c.send("WHO\r\n").readLine());
        String mdc = c.send("MDC\r\n").readLine();
        assertTrue(mdc.contains(" remote=203.0.113.7:5555 "), mdc);
    }

    @Test
    void v2HeaderWithDataInTheSamePacket() throws Exception {
        TcpListener l = start(proxied("v2"));
        TestClient c = connect(l);
        byte[] header = ProxyHeaders.v2(new InetSocketAddress(InetAddress.getByName("2001:db8::99"), 61000),
                new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 143), new byte[] {0x04, 0x00, 0x01, 0x00});
        c.send(concat(header, "WHO\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertEquals("WHO [2001:db8::99]:61000 secure=false local=false tls=false listener=v2 user=-", c.readLine());
    }

    @Test
    void v2LocalKeepsTheRealAddress() throws Exception {
        TcpListener l = start(proxied("local"));
        TestClient c = connect(l);
        byte[] header = ProxyHeaders.v2(new InetSocketAddress(InetAddress.getByName("1.2.3.4"), 1),
                new InetSocketAddress(InetAddress.getByName("5.6.7.8"), 2), new byte[0]);
        header[12] = 0x20;
        c.send(header);
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertEquals("WHO 127.0.0.1:" + c.socket().getLocalPort() + " secure=false local=true tls=false listener=local user=-",
                c.send("WHO\r\n").readLine());
    }

    @Test
    void perIpLimitUsesTheProxiedAddress() throws Exception {
        TcpListener l = start(proxied("limit").withLimits(0, 1));
        TestClient a = connect(l);
        a.send("PROXY TCP4 203.0.113.1 192.0.2.1 1000 143\r\n");
        assertTrue(a.readLine().startsWith("* OK"));
        TestClient b = connect(l);
        b.send("PROXY TCP4 203.0.113.1 192.0.2.1 1001 143\r\n");
        assertTrue(b.closedByServer(), "second connection from 203.0.113.1 refused");
        TestClient c = connect(l);
        c.send("PROXY TCP4 203.0.113.2 192.0.2.1 1002 143\r\n");
        assertTrue(c.readLine().startsWith("* OK"), "another client behind the same proxy is served");
    }

    @Test
    void invalidHeaderClosesTheConnection() throws Exception {
        TcpListener l = start(proxied("bad"));
        TestClient c = connect(l);
        c.send("A1 LOGIN bob secret\r\n");
        assertTrue(c.closedByServer());
    }

    @Test
    void missingHeaderTimesOut() throws Exception {
        TcpListener l = start(proxied("slow"));
        TestClient c = connect(l);
        c.send("PROXY TCP4 1.2.3.4"); // and nothing more
        assertTrue(c.closedByServer());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
