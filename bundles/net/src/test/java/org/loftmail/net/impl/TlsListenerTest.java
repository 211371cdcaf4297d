package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loftmail.net.impl.proxy.ProxyHeaders;
import org.loftmail.net.impl.tls.OpenSsl;
import org.loftmail.net.impl.tls.TlsManager;
import org.loftmail.net.impl.tls.TlsSettings;

/** Implicit TLS, STARTTLS and certificate reload against the JDK's SSLSocket. */
@Timeout(120)
class TlsListenerTest {

    @TempDir
    Path dir;

    private final List<Listener> listeners = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        listeners.forEach(Listener::stop);
    }

    TlsManager tls(TlsSettings settings) {
        TlsManager m = new TlsManager(settings);
        closeables.add(m);
        m.start();
        return m;
    }

    TcpListener start(ListenerSettings s, EchoProtocol p, TlsManager tls) throws IOException {
        ListenerRuntime rt = new ListenerRuntime(s, new ConnectionLimiter(s.service()), dir);
        rt.protocolAdded(p);
        TcpListener l = new TcpListener(rt, tls);
        listeners.add(l);
        l.start();
        return l;
    }

    static ListenerSettings local(String name) {
        return ListenerSettings.inet(name, "echo", List.of("127.0.0.1"), 0);
    }

    /** Connects with implicit TLS and reads the greeting. */
    TestClient tlsSession(TcpListener l, TlsClients.Recorder recorder, String... protocols) throws Exception {
        Socket plain = new Socket();
        plain.connect(l.address(), TestClient.TIMEOUT_MS);
        closeables.add(plain);
        SSLSocket s = TlsClients.handshake(TlsClients.context(recorder), plain, protocols);
        TestClient c = TestClient.over(s);
        closeables.add(c);
        assertTrue(c.readLine().startsWith("* OK echo"));
        return c;
    }

    OpenSsl.Pair certificate(String kind, Path where, String cn) throws Exception {
        return switch (kind) {
            case "rsa-pkcs8" -> OpenSsl.rsaPkcs8(where, cn);
            case "rsa-pkcs1" -> OpenSsl.rsaPkcs1(where, cn);
            case "ec" -> OpenSsl.ec(where, cn);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8", "rsa-pkcs1", "ec"})
    void implicitTls(String kind) throws Exception {
        OpenSsl.Pair pair = certificate(kind, dir.resolve(kind), "imaps-" + kind);
        TlsManager tls = tls(TlsSettings.files(pair.cert(), pair.key(), dir));
        assertNotNull(tls.current(), "certificate loaded");
        TcpListener l = start(local("imaps").withSsl(true), new EchoProtocol(), tls);
        TlsClients.Recorder recorder = new TlsClients.Recorder();
        TestClient c = tlsSession(l, recorder);
        assertEquals("imaps-" + kind, recorder.subjectCn());
        assertTrue(c.send("WHO\r\n").readLine().contains(" secure=true local=true tls=false "));
        assertEquals("ECHO over tls", c.send("over tls\r\n").readLine());
        c.send("A {4}\r\n");
        assertEquals("+ go", c.readLine());
        assertEquals("ECHO A {4}[4 " + EchoProtocol.sha8("data".getBytes(StandardCharsets.US_ASCII)) + "]",
                c.send("data\r\n").readLine());
        assertEquals("NO TLS not available", c.send("STARTTLS\r\n").readLine());
    }

    @Test
    void encryptedPkcs8KeyWithPassword() throws Exception {
        OpenSsl.Pair pair = OpenSsl.rsaEncrypted(dir.resolve("enc"), "encrypted", "s3cret");
        assertNull(tls(TlsSettings.files(pair.cert(), pair.key(), dir)).current(), "no password: not usable");
        assertNull(tls(TlsSettings.files(pair.cert(), pair.key(), dir).withKeyPassword("wrong")).current());
        TlsManager tls = tls(TlsSettings.files(pair.cert(), pair.key(), dir).withKeyPassword("s3cret"));
        TcpListener l = start(local("enc").withSsl(true), new EchoProtocol(), tls);
        TlsClients.Recorder recorder = new TlsClients.Recorder();
        tlsSession(l, recorder);
        assertEquals("encrypted", recorder.subjectCn());
    }

    @Test
    void implicitTlsListenerWithoutCertificateRefusesConnections() throws Exception {
        TlsManager tls = tls(TlsSettings.files(dir.resolve("missing.pem"), dir.resolve("missing-key.pem"), dir));
        assertNull(tls.current());
        TcpListener l = start(local("nocert").withSsl(true), new EchoProtocol(), tls);
        TestClient c = TestClient.connect(l.address());
        closeables.add(c);
        assertTrue(c.closedByServer());
    }

    @Test
    void startTlsDiscardsInjectedPlaintext() throws Exception {
        OpenSsl.Pair pair = OpenSsl.rsaPkcs8(dir.resolve("st"), "starttls");
        TlsManager tls = tls(TlsSettings.files(pair.cert(), pair.key(), dir));
        EchoProtocol echo = new EchoProtocol();
        TcpListener l = start(local("imap"), echo, tls);
        TestClient c = TestClient.connect(l.address());
        closeables.add(c);
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertTrue(c.send("WHO\r\n").readLine().contains(" secure=false local=true tls=true "));
        // a command injected after STARTTLS in the same packet must never run
        c.send("STARTTLS\r\nINJECTED\r\n");
        assertEquals("OK begin TLS", c.readLine());
        TlsClients.Recorder recorder = new TlsClients.Recorder();
        SSLSocket s = TlsClients.handshake(TlsClients.context(recorder), c.socket());
        c.upgrade(s);
        assertEquals("starttls", recorder.subjectCn());
        assertTrue(c.send("WHO\r\n").readLine().contains(" secure=true local=true tls=false "));
        assertEquals("NO TLS not available", c.send("STARTTLS\r\n").readLine());
        assertEquals(0, echo.count("INJECTED"));
        assertEquals("BYE", c.send("QUIT\r\n").readLine());
    }

    @Test
    void implicitTlsBehindProxy() throws Exception {
        OpenSsl.Pair pair = OpenSsl.ec(dir.resolve("px"), "proxied");
        TlsManager tls = tls(TlsSettings.files(pair.cert(), pair.key(), dir));
        TcpListener l = start(local("imaps-px").withSsl(true).withHaproxy(true, Duration.ofSeconds(5)), new EchoProtocol(), tls);
        Socket plain = new Socket();
        plain.connect(l.address(), TestClient.TIMEOUT_MS);
        closeables.add(plain);
        plain.getOutputStream().write(ProxyHeaders.v2(new InetSocketAddress(InetAddress.getByName("192.0.2.77"), 40404),
                new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 993), new byte[0]));
        TlsClients.Recorder recorder = new TlsClients.Recorder();
        TestClient c = TestClient.over(TlsClients.handshake(TlsClients.context(recorder), plain));
        closeables.add(c);
        assertTrue(c.readLine().startsWith("* OK echo"));
        assertTrue(c.send("WHO\r\n").readLine().startsWith("WHO 192.0.2.77:40404 secure=true local=false "));
    }

    @Test
    void certificateReloadServesTheNewCertificateToNewConnections() throws Exception {
        OpenSsl.Pair one = OpenSsl.rsaPkcs8(dir.resolve("one"), "first");
        OpenSsl.Pair two = OpenSsl.ec(dir.resolve("two"), "second");
        Path live = Files.createDirectories(dir.resolve("live"));
        Path cert = live.resolve("fullchain.pem");
        Path key = live.resolve("privkey.pem");
        Files.copy(one.cert(), cert);
        Files.copy(one.key(), key);
        TlsManager tls = tls(TlsSettings.files(cert, key, dir).withPollInterval(Duration.ofMillis(100)));
        CountDownLatch reloaded = new CountDownLatch(1);
        tls.addReloadListener(t -> reloaded.countDown());
        TcpListener l = start(local("reload").withSsl(true), new EchoProtocol(), tls);
        TlsClients.Recorder first = new TlsClients.Recorder();
        TestClient old = tlsSession(l, first);
        assertEquals("first", first.subjectCn());

        replace(two.key(), key);
        replace(two.cert(), cert);
        assertTrue(reloaded.await(20, TimeUnit.SECONDS), "reloaded");
        TlsClients.Recorder second = new TlsClients.Recorder();
        tlsSession(l, second);
        assertEquals("second", second.subjectCn());
        assertEquals("ECHO old session", old.send("old session\r\n").readLine(), "existing sessions keep going");

        // a broken file keeps the current certificate
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n");
        tls.reloadIfChanged();
        TlsClients.Recorder third = new TlsClients.Recorder();
        tlsSession(l, third);
        assertEquals("second", third.subjectCn());
    }

    private static void replace(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".new");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void selfSignedCertificateWhenNoneIsConfigured() throws Exception {
        TlsManager tls = tls(TlsSettings.files(null, null, dir.resolve("state")));
        assertNotNull(tls.current());
        TcpListener l = start(local("self").withSsl(true), new EchoProtocol(), tls);
        TlsClients.Recorder recorder = new TlsClients.Recorder();
        tlsSession(l, recorder);
        assertEquals(tls.current().certificate(), recorder.seen.get());
    }

    @Test
    void minimumProtocolAndCipherSettings() throws Exception {
        OpenSsl.Pair pair = OpenSsl.rsaPkcs8(dir.resolve("p"), "protocols");
        TlsManager only13 = tls(TlsSettings.files(pair.cert(), pair.key(), dir)
                .withProtocolsAndCiphers("TLSv1.3", null, "TLS_CHACHA20_POLY1305_SHA256"));
        TcpListener l13 = start(local("tls13").withSsl(true), new EchoProtocol(), only13);
        Socket plain = new Socket();
        plain.connect(l13.address(), TestClient.TIMEOUT_MS);
        closeables.add(plain);
        SSLContext ctx = TlsClients.context(new TlsClients.Recorder());
        assertThrows(SSLException.class, () -> TlsClients.handshake(ctx, plain, "TLSv1.2"), "TLS 1.2 refused");
        TestClient c = tlsSession(l13, new TlsClients.Recorder(), "TLSv1.3");
        assertEquals("TLS_CHACHA20_POLY1305_SHA256", ((SSLSocket) c.socket()).getSession().getCipherSuite());

        TlsManager tls12 = tls(TlsSettings.files(pair.cert(), pair.key(), dir)
                .withProtocolsAndCiphers("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256:NOT-A-CIPHER", null));
        TcpListener l12 = start(local("tls12").withSsl(true), new EchoProtocol(), tls12);
        TestClient d = tlsSession(l12, new TlsClients.Recorder(), "TLSv1.2");
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", ((SSLSocket) d.socket()).getSession().getCipherSuite());
    }
}
