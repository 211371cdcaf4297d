package org.loftmail.pop3.impl.session;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.pop3.impl.process.CommandDispatch;
import org.loftmail.storage.core.impl.CoreHarness;
import org.loftmail.storage.memory.impl.MemoryDriver;

/**
 * POP3 sessions over the real storage core (memory driver) with connections that record what
 * the server writes. Every user has the password {@code secret}; the user {@code tempfail}
 * gets a temporary failure. Mechanisms: PLAIN (with an empty first challenge when the client
 * sends no initial response). Plaintext and TLS availability can be switched per tester.
 */
public final class Pop3Tester implements AutoCloseable {

    private final CoreHarness storage = new CoreHarness("memory", new MemoryDriver(), "memory:");
    private final SessionRegistry registry = new SessionRegistry();
    private Pop3Settings settings = Pop3Settings.defaults();
    private boolean plaintextAllowed = true;
    private boolean tlsAvailable = false;

    public Pop3Tester settings(Pop3Settings s) {
        settings = s;
        return this;
    }

    public Pop3Tester plaintextAllowed(boolean allowed) {
        plaintextAllowed = allowed;
        return this;
    }

    public Pop3Tester tlsAvailable(boolean available) {
        tlsAvailable = available;
        return this;
    }

    public CoreHarness storage() {
        return storage;
    }

    public SessionRegistry registry() {
        return registry;
    }

    /** Appends messages to the user's INBOX. */
    public void deliver(String user, String... messages) throws StorageException {
        UserMailboxes mb = storage.open(user);
        for (String m : messages) {
            mb.append("INBOX", List.of(AppendRequest.of(m.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** A fresh read-only view of the user's INBOX (closed with the tester). */
    public MailboxView inbox(String user) throws StorageException {
        return storage.open(user).open("INBOX", true);
    }

    /** A new client connection; its greeting is in {@link Client#greeting}. */
    public Client connect() {
        Client c = new Client();
        c.session.started();
        c.greeting = c.take().get(0);
        return c;
    }

    @Override
    public void close() {
        storage.close();
    }

    /** One client: {@link #send} a line, get every line the server wrote for it. */
    public final class Client implements Connection {

        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final Pop3Session session = new Pop3Session(this, new Pop3Services(new PasswordAuth(), storage.storage(),
                settings, registry), new CommandDispatch());
        String greeting;
        private boolean closed;
        private boolean secure;
        private String user;
        int tlsStarts;

        public String greeting() {
            return greeting;
        }

        /** Sends one line and returns the server's lines. */
        public List<String> send(String line) {
            session.commandReceived(Command.ofLine(line.getBytes(StandardCharsets.UTF_8)));
            return take();
        }

        /** Sends one line and returns the single answer line. */
        public String ask(String line) {
            List<String> r = send(line);
            if (r.size() != 1) {
                throw new AssertionError("expected one line for " + line + ", got " + r);
            }
            return r.get(0);
        }

        /** What a line longer than the framing limit gives. */
        public List<String> tooLong() {
            session.inputRejected(InputError.LINE_TOO_LONG);
            return take();
        }

        /** USER/PASS as {@code name} with the right password. */
        public Client login(String name) {
            ask("USER " + name);
            String r = ask("PASS secret");
            if (!r.equals("+OK Logged in.")) {
                throw new AssertionError("login failed: " + r);
            }
            return this;
        }

        public synchronized List<String> take() {
            String text = written.toString(StandardCharsets.UTF_8);
            written.reset();
            List<String> lines = new ArrayList<>(List.of(text.split("\r\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        /** The raw bytes written since the last take. */
        public synchronized String raw() {
            String text = written.toString(StandardCharsets.UTF_8);
            written.reset();
            return text;
        }

        public boolean isClosed() {
            return closed;
        }

        /** The client goes away without QUIT. */
        public void drop() {
            closed = true;
            session.closed();
        }

        @Override
        public String id() {
            return "t" + System.identityHashCode(this);
        }

        @Override
        public String listenerName() {
            return "pop3";
        }

        @Override
        public SocketAddress remoteAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
        }

        @Override
        public SocketAddress localAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 110);
        }

        @Override
        public boolean secure() {
            return secure;
        }

        @Override
        public boolean tlsAvailable() {
            return tlsAvailable && !secure;
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
            if (!tlsAvailable()) {
                throw new IllegalStateException("no TLS");
            }
            tlsStarts++;
            secure = true;
        }

        @Override
        public void startCompression() {
            throw new IllegalStateException("no compression in POP3");
        }

        @Override
        public boolean compressed() {
            return false;
        }

        @Override
        public void setIdleTimeout(Duration timeout) {
            idleTimeout = timeout;
        }

        Duration idleTimeout;

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
            if (!closed) {
                closed = true;
                session.closed();
            }
        }
    }

    /** Every user exists with the password {@code secret}; {@code tempfail} fails temporarily. */
    private final class PasswordAuth implements AuthService {

        @Override
        public List<String> mechanisms(ClientInfo client) {
            return plaintextAllowed(client) ? List.of("PLAIN", "LOGIN") : List.of();
        }

        @Override
        public boolean plaintextAllowed(ClientInfo client) {
            return plaintextAllowed || client.secure();
        }

        @Override
        public SaslExchange startSasl(String mechanism, ClientInfo client) {
            return new SaslExchange() {
                private boolean done;

                @Override
                public String mechanism() {
                    return mechanism.toUpperCase(java.util.Locale.ROOT);
                }

                @Override
                public SaslStep respond(String base64) {
                    if (!mechanism.equalsIgnoreCase("PLAIN") || !plaintextAllowed(client)) {
                        return done(AuthResult.Failure.of(AuthResult.FailureKind.MECHANISM_UNSUPPORTED));
                    }
                    if (base64 == null) {
                        return new SaslStep.Challenge("");
                    }
                    if (base64.equals("*")) {
                        return done(AuthResult.Failure.of(AuthResult.FailureKind.CANCELLED));
                    }
                    String[] p;
                    try {
                        p = new String(Base64.getDecoder().decode(base64.equals("=") ? "" : base64),
                                StandardCharsets.UTF_8).split("\0", -1);
                    } catch (IllegalArgumentException e) {
                        return done(AuthResult.Failure.of(AuthResult.FailureKind.MALFORMED));
                    }
                    if (p.length != 3) {
                        return done(AuthResult.Failure.of(AuthResult.FailureKind.MALFORMED));
                    }
                    return done(authenticate(p[1], p[2], client));
                }

                private SaslStep done(AuthResult r) {
                    if (done) {
                        throw new IllegalStateException("exchange is done");
                    }
                    done = true;
                    return new SaslStep.Done(r);
                }
            };
        }

        @Override
        public AuthResult authenticate(String user, String password, ClientInfo client) {
            if (user.equals("tempfail")) {
                return AuthResult.Failure.of(AuthResult.FailureKind.TEMPORARY);
            }
            return password.equals("secret") ? new AuthResult.Success(user, Map.of(), Map.of())
                    : AuthResult.Failure.of(AuthResult.FailureKind.CREDENTIALS);
        }

        @Override
        public UserLookup lookupUser(String user, ClientInfo client) {
            return new UserLookup.Found(user, Map.of());
        }
    }
}
