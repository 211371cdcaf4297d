package org.loftmail.imap.impl.session;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.protocol.Connection;
import org.loftmail.imap.impl.decode.ClientInput;
import org.loftmail.imap.impl.decode.CommandDecoder;
import org.loftmail.imap.impl.decode.CommandTable;
import org.loftmail.imap.impl.process.CommandDispatch;
import org.loftmail.storage.core.impl.CoreHarness;
import org.loftmail.storage.memory.impl.MemoryDriver;

/**
 * An IMAP session over the real storage core (memory driver) with a connection that records what
 * the server writes. Users log in with the password {@code secret}; plaintext is allowed.
 * Commands go in as the client would type them ({@code {n}} literals inline).
 */
public final class ImapTester implements AutoCloseable {

    private final CoreHarness storage;
    private final SessionRegistry registry = new SessionRegistry();
    private final ImapServices services;

    public ImapTester() {
        this((org.loftmail.api.storage.quota.QuotaService) null);
    }

    /** With a quota service (the quota plug-in's), or null for none. */
    public ImapTester(org.loftmail.api.storage.quota.QuotaService quota) {
        this(new MemoryDriver(), quota);
    }

    /**
     * Over a storage driver of the test's (e.g. one whose mail outlives this tester: a new tester
     * on the same driver is the server after a restart). The driver is bound as {@code memory}.
     */
    public ImapTester(org.loftmail.api.storage.spi.StorageDriver driver) {
        this(driver, null);
    }

    private ImapTester(org.loftmail.api.storage.spi.StorageDriver driver,
            org.loftmail.api.storage.quota.QuotaService quota) {
        storage = new CoreHarness("memory", driver, "memory:");
        storage.addListener(registry);
        services = new ImapServices(new PasswordAuth(), storage.storage(), ImapSettings.defaults(), registry,
                Executors.newSingleThreadScheduledExecutor(), () -> quota);
    }

    public CoreHarness storage() {
        return storage;
    }

    /** A new client connection; its greeting is already read. */
    public Client connect() {
        Client c = new Client();
        c.session.started();
        c.take();
        return c;
    }

    @Override
    public void close() {
        services.timer().shutdownNow();
        storage.close();
    }

    /** One client: {@link #send} a command, get every line the server wrote for it. */
    public final class Client implements Connection {

        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final ImapSession session = new ImapSession(this, services,
                new CommandDecoder(CommandTable.standard()), new CommandDispatch());
        private boolean closed;
        private String user;

        /** Sends one command (literals inline) and returns the server's lines. */
        public List<String> send(String command) {
            session.commandReceived(ClientInput.command(command));
            return take();
        }

        /** Logs in as {@code user} and checks the OK. */
        public Client login(String name) {
            List<String> r = send("L1 LOGIN " + name + " secret");
            if (!r.get(r.size() - 1).startsWith("L1 OK")) {
                throw new AssertionError("login failed: " + r);
            }
            return this;
        }

        /** Lines written since the last call (also what another thread pushed, e.g. IDLE). */
        public synchronized List<String> take() {
            String text = written.toString(StandardCharsets.UTF_8);
            written.reset();
            List<String> lines = new ArrayList<>(List.of(text.split("\r\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        public boolean isClosed() {
            return closed;
        }

        public void disconnect() {
            session.closed();
        }

        @Override
        public String id() {
            return "t" + System.identityHashCode(this);
        }

        @Override
        public String listenerName() {
            return "imap";
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
        }

        @Override
        public SocketAddress localAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 143);
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public boolean tlsAvailable() {
            return false;
        }

        @Override
        public boolean local() {
            return true;
        }

        @Override
        public synchronized void write(byte[] bytes) {
            written.writeBytes(bytes);
        }

        @Override
        public void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void startTls() {
            throw new IllegalStateException("no TLS in this tester");
        }

        @Override
        public void startCompression() {
            throw new IllegalStateException("no compression in this tester");
        }

        @Override
        public boolean compressed() {
            return false;
        }

        @Override
        public void setIdleTimeout(Duration timeout) {
        }

        @Override
        public void setUser(String name) {
            user = name;
        }

        @Override
        public Optional<String> user() {
            return Optional.ofNullable(user);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Every user exists with the password {@code secret}; PLAIN only. */
    private static final class PasswordAuth implements AuthService {

        @Override
        public List<String> mechanisms(ClientInfo client) {
            return List.of("PLAIN");
        }

        @Override
        public boolean plaintextAllowed(ClientInfo client) {
            return true;
        }

        @Override
        public SaslExchange startSasl(String mechanism, ClientInfo client) {
            return new SaslExchange() {
                @Override
                public String mechanism() {
                    return "PLAIN";
                }

                @Override
                public SaslStep respond(String base64) {
                    if (base64 == null) {
                        return new SaslStep.Challenge("");
                    }
                    if (base64.equals("*")) {
                        return new SaslStep.Done(AuthResult.Failure.of(AuthResult.FailureKind.CANCELLED));
                    }
                    String[] p = new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)
                            .split("\0");
                    return new SaslStep.Done(authenticate(p[1], p[2], client));
                }
            };
        }

        @Override
        public AuthResult authenticate(String user, String password, ClientInfo client) {
            return password.equals("secret") ? new AuthResult.Success(user, Map.of(), Map.of())
                    : AuthResult.Failure.of(AuthResult.FailureKind.CREDENTIALS);
        }

        @Override
        public UserLookup lookupUser(String user, ClientInfo client) {
            return new UserLookup.Found(user, Map.of());
        }
    }
}
