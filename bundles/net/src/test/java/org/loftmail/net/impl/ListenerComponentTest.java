package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.net.impl.tls.TlsManager;
import org.loftmail.net.impl.tls.TlsSettings;

/** The DS component outside OSGi: configuration as an annotation proxy, references bound by hand. */
@Timeout(60)
class ListenerComponentTest {

    @TempDir
    Path dir;

    private final List<ListenerComponent> components = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();
    private TlsManager tls;

    @AfterEach
    void cleanUp() throws IOException {
        for (TestClient c : clients) {
            c.close();
        }
        components.forEach(ListenerComponent::deactivate);
        if (tls != null) {
            tls.close();
        }
    }

    ListenerComponent component(String ssl) {
        tls = new TlsManager(TlsSettings.files(null, null, dir).withSsl(ssl));
        tls.start();
        ListenerComponent c = new ListenerComponent(tls);
        components.add(c);
        return c;
    }

    /** A ListenerConfig annotation proxy over a property map, as DS builds it. */
    static ListenerConfig config(Map<String, Object> props) {
        return (ListenerConfig) Proxy.newProxyInstance(ListenerConfig.class.getClassLoader(),
                new Class<?>[] {ListenerConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return ListenerConfig.class;
                    }
                    String key = method.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                    Object v = props.get(key);
                    return v != null ? v : method.getDefaultValue();
                });
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    TestClient connect(int port) throws IOException {
        TestClient c = TestClient.connect(new InetSocketAddress("127.0.0.1", port));
        clients.add(c);
        return c;
    }

    @Test
    void propertiesMapToSettings() {
        ListenerSettings s = ListenerComponent.settings(config(Map.of("name", "imap", "service", "imap-login",
                "protocol", "imap", "port", 143, "connection_limit_per_ip", 7, "client_limit", 9, "haproxy", true)));
        assertEquals("imap-login", s.service());
        assertEquals(7, s.connectionLimitPerIp());
        assertEquals(9, s.clientLimit());
        assertTrue(s.haproxy());
        assertEquals(List.of("*", "::"), s.addresses(), "Dovecot's default listen");
        ListenerSettings u = ListenerComponent.settings(config(Map.of("type", "unix", "path", "/run/loft/lmtp", "protocol", "lmtp")));
        assertTrue(u.unix());
        assertEquals("/run/loft/lmtp", u.name());
        assertEquals("0600", u.mode());
    }

    @Test
    void portZeroDoesNotListen() throws Exception {
        ListenerComponent c = component("no");
        c.activate(config(Map.of("name", "pop3", "protocol", "pop3", "port", 0)), null);
        assertNull(c.listener());
    }

    @Test
    void implicitTlsListenerRefusesToStartWhenSslIsNo() throws Exception {
        ListenerComponent c = component("no");
        assertThrows(IllegalStateException.class, () -> c.activate(config(Map.of("name", "imaps", "protocol", "imap",
                "port", freePort(), "ssl", true, "address", new String[] {"127.0.0.1"})), null));
        assertNull(c.listener());
    }

    @Test
    void servesTheProtocolItsConfigurationNamesWhileItIsBound() throws Exception {
        ListenerComponent c = component("no");
        EchoProtocol pop3 = new EchoProtocol();
        c.bindProtocol(pop3, Map.of("protocol", "pop3")); // not ours: ignored
        int port = freePort();
        c.activate(config(Map.of("name", "imap", "service", "imap-login", "protocol", "imap", "port", port,
                "address", new String[] {"127.0.0.1"})), null);
        assertNotNull(c.listener());
        assertTrue(connect(port).closedByServer(), "no imap protocol yet");

        EchoProtocol imap = new EchoProtocol();
        c.bindProtocol(imap, Map.of("protocol", "imap"));
        TestClient session = connect(port);
        assertTrue(session.readLine().startsWith("* OK echo"));
        assertEquals(0, pop3.opened.get());

        c.unbindProtocol(imap);
        assertTrue(session.closedByServer());
        assertTrue(connect(port).closedByServer());

        c.deactivate();
        components.remove(c);
        assertThrows(IOException.class, () -> connect(port));
    }

    @Test
    void unixListenerFromConfiguration() throws Exception {
        ListenerComponent c = component("no");
        Path socket = dir.resolve("private/auth-userdb");
        c.bindProtocol(new EchoProtocol(), Map.of("protocol", "auth"));
        c.activate(config(Map.of("type", "unix", "path", socket.toString(), "mode", "0666", "protocol", "auth",
                "service", "auth")), null);
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        TestClient t = TestClient.connect(UnixDomainSocketAddress.of(socket));
        clients.add(t);
        assertTrue(t.readLine().startsWith("* OK echo"));
    }
}
