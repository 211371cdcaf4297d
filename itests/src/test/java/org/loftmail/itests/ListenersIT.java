package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The real bundles in Felix serve a protocol bundle (the echo test protocol, enabled by
 * {@code protocols = echo} through its feature) on every kind of listener, and pick up or drop a
 * protocol bundle dropped into or removed from {@code deploy/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ListenersIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {LoftContainer.options(LoftTestSetup.create("echo echo2", false))};
    }

    private int port(String key) {
        return Integer.parseInt(context.getProperty("loft.test." + key));
    }

    private Path dir() {
        return Path.of(context.getProperty("loft.test.dir"));
    }

    private LineClient echoSession(String host) throws Exception {
        Await.until("echo answers on " + host, WAIT, () -> answers(host, port("echoPort")));
        LineClient client = LineClient.tcp(host, port("echoPort"));
        assertEquals("* OK echo ready", client.readLine());
        return client;
    }

    private static boolean answers(String host, int port) {
        try (LineClient client = LineClient.tcp(host, port)) {
            return client.readLine() != null;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    public void servesOnIpv4() throws Exception {
        try (LineClient client = echoSession("127.0.0.1")) {
            assertEquals("ECHO hello world", client.ask("hello world"));
            assertTrue(client.ask("WHOAMI").contains("secure=false"));
        }
    }

    @Test
    public void servesOnIpv6() throws Exception {
        try (LineClient client = echoSession("::1")) {
            assertEquals("ECHO over six", client.ask("over six"));
        }
    }

    @Test
    public void servesOnUnixSocketWithItsMode() throws Exception {
        Path socket = dir().resolve("run/echo.sock");
        Await.until("the unix socket exists", WAIT, () -> Files.exists(socket));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        try (LineClient client = LineClient.unix(socket)) {
            assertEquals("* OK echo ready", client.readLine());
            assertEquals("ECHO local", client.ask("local"));
        }
    }

    @Test
    public void servesImplicitTls() throws Exception {
        SSLContext tls = Tls.trusting(dir().resolve("ssl/cert.pem"));
        echoSession("127.0.0.1").close();
        try (LineClient client = LineClient.tls("127.0.0.1", port("echoTlsPort"), tls)) {
            assertEquals("* OK echo ready", client.readLine());
            assertTrue(client.ask("WHOAMI").contains("secure=true"));
        }
    }

    @Test
    public void upgradesWithStartTls() throws Exception {
        SSLContext tls = Tls.trusting(dir().resolve("ssl/cert.pem"));
        try (LineClient client = echoSession("127.0.0.1")) {
            assertEquals("OK begin TLS", client.ask("STARTTLS"));
            SSLSocket socket = client.startTls(tls);
            assertTrue(socket.getSession().getProtocol().startsWith("TLS"));
            assertTrue(client.ask("WHOAMI").contains("secure=true"));
            assertEquals("ECHO encrypted", client.ask("encrypted"));
        }
    }

    @Test
    public void framesSynchronizingAndNonSynchronizingLiterals() throws Exception {
        try (LineClient client = echoSession("127.0.0.1")) {
            client.sendRaw("A {5}\r\n");
            assertEquals("+ go ahead", client.readLine());
            client.sendRaw("hello B {3+}\r\nyou C\r\n");
            assertEquals("ECHO A {5}[hello] B {3+}[you] C", client.readLine());
        }
    }

    @Test
    public void refusesALineOverTheLimitAndKeepsServing() throws Exception {
        try (LineClient client = echoSession("127.0.0.1")) {
            assertEquals("BAD line too long", client.ask("x".repeat(5000)));
            assertEquals("ECHO still here", client.ask("still here"));
        }
    }

    @Test
    public void refusesALiteralOverTheLimitAndKeepsServing() throws Exception {
        try (LineClient client = echoSession("127.0.0.1")) {
            assertEquals("BAD literal too big", client.ask("A {5000}"));
            assertEquals("ECHO after sync", client.ask("after sync"));
            client.sendRaw("B {5000+}\r\n" + "z".repeat(5000) + " tail\r\n");
            assertEquals("BAD literal too big", client.readLine());
            assertEquals("ECHO after non-sync", client.ask("after non-sync"));
        }
    }

    @Test
    public void refusesAFloodFromOneAddressAndKeepsServingOthers() throws Exception {
        try (LineClient other = echoSession("::1")) {
            List<LineClient> flood = new ArrayList<>();
            int refused = 0;
            try {
                for (int i = 0; i < 30; i++) {
                    LineClient client = LineClient.tcp("127.0.0.1", port("echoPort"));
                    flood.add(client);
                    if (client.readLine() == null) {
                        refused++;
                    }
                }
            } finally {
                for (LineClient client : flood) {
                    client.close();
                }
            }
            assertTrue("connections over the per-address limit of 12 are refused, refused=" + refused, refused >= 18);
            assertEquals("ECHO unaffected", other.ask("unaffected"));
        }
        Await.until("127.0.0.1 may connect again", WAIT, () -> answers("127.0.0.1", port("echoPort")));
    }

    @Test
    public void deployFolderStartsAndStopsAProtocolWhileOtherSessionsGoOn() throws Exception {
        int echo2 = port("echo2Port");
        try (LineClient unrelated = echoSession("127.0.0.1")) {
            assertTrue("echo2 has no bundle yet: its listener refuses", refuses(echo2));

            Path deployed = dir().resolve("deploy/echo2.jar");
            Files.copy(dir().resolve("echo2.jar"), deployed, StandardCopyOption.REPLACE_EXISTING);
            Await.until("echo2 answers after its bundle was dropped into deploy/", WAIT, () -> answers("127.0.0.1", echo2));
            try (LineClient client = LineClient.tcp("127.0.0.1", echo2)) {
                assertEquals("* OK echo2 ready", client.readLine());
                assertEquals("ECHO two", client.ask("two"));
            }
            assertEquals("ECHO after deploy", unrelated.ask("after deploy"));

            Files.delete(deployed);
            Await.until("echo2 refuses after its bundle was removed", WAIT, () -> refuses(echo2));
            assertEquals("ECHO after removal", unrelated.ask("after removal"));
        }
    }

    private static boolean refuses(int port) {
        try (LineClient client = LineClient.tcp("127.0.0.1", port)) {
            return client.readLine() == null;
        } catch (IOException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    public void refusingListenerStillAcceptsTcp() throws Exception {
        // the listener is bound even without its protocol: the refusal is the server's, not the kernel's
        try (LineClient client = LineClient.tcp("127.0.0.1", port("echo2Port"))) {
            assertNull(client.readLine());
        }
    }
}
