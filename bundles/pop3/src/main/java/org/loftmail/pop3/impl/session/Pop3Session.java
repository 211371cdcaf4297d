package org.loftmail.pop3.impl.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.ProtocolSession;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.pop3.impl.decode.Pop3Command;
import org.loftmail.pop3.impl.encode.MessageWriter;
import org.loftmail.pop3.impl.encode.ReplyWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 connection (RFC 1939): the AUTHORIZATION state until a login succeeds, then the
 * TRANSACTION state over the maildrop fixed at login, then the UPDATE state at QUIT. Each line
 * is decoded and handed to the {@link Dispatcher}; a SASL exchange installs a
 * {@link Continuation} that receives the client's responses. Everything runs on the session's
 * ordered executor; the session lock only guards against the idle timer.
 */
public final class Pop3Session implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);

    /** RFC 1939 section 3: an inactivity autologout timer of at least 10 minutes. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** The states of RFC 1939; UPDATE is passed through inside QUIT. */
    public enum State { AUTHORIZATION, TRANSACTION, LOGGED_OUT }

    /** A command waiting for more client lines (SASL responses). */
    public interface Continuation {
        void line(String line);

        /** The line was too long: give up. */
        void abort();
    }

    /** Runs one command; returns false when it was a bad command (counted as Dovecot does). */
    public interface Dispatcher {
        boolean dispatch(Pop3Session session, Pop3Command command);
    }

    private final Connection connection;
    private final Pop3Services services;
    private final Dispatcher dispatcher;
    private final ReplyWriter out;
    private MessageWriter messageWriter;

    private State state = State.AUTHORIZATION;
    private Continuation continuation;
    private String pendingUser;
    private String user;
    private UserMailboxes mailboxes;
    private Maildrop maildrop;
    private int badCommands;
    private int authAttempts;
    private long inputBytes;
    private String disconnectReason;
    private boolean released;

    // statistics for pop3_logout_format
    private long topCount;
    private long topBytes;
    private long retrCount;
    private long retrBytes;

    public Pop3Session(Connection connection, Pop3Services services, Dispatcher dispatcher) {
        this.connection = connection;
        this.services = services;
        this.dispatcher = dispatcher;
        this.out = new ReplyWriter(connection::write);
    }

    // ---- ProtocolSession

    @Override
    public synchronized void started() {
        connection.setIdleTimeout(IDLE_TIMEOUT);
        out.ok(services.settings().greeting());
        out.push();
    }

    @Override
    public synchronized void commandReceived(Command command) {
        try {
            if (state == State.LOGGED_OUT) {
                return;
            }
            String line = command.firstLine();
            inputBytes += ((Command.Text) command.parts().get(0)).bytes().length + 2;
            if (continuation != null) {
                continuation.line(line);
                return;
            }
            Pop3Command cmd = Pop3Command.parse(line);
            boolean good = dispatcher.dispatch(this, cmd);
            if (good) {
                badCommands = 0;
            } else if (++badCommands >= maxBadCommands()) {
                out.err(state == State.AUTHORIZATION ? "Too many invalid bad commands." : "Too many bad commands.");
                disconnect("Disconnected: Too many bad commands");
            }
        } catch (RuntimeException e) {
            LOG.error("POP3 command failed: {}", e.toString(), e);
            out.err("[SYS/TEMP] Internal error occurred. Refer to server log for more information.");
            disconnect("Internal error");
        } finally {
            out.push();
        }
    }

    /** Dovecot: 3 bad commands in a row before login, 20 after. */
    private int maxBadCommands() {
        return state == State.AUTHORIZATION ? 3 : 20;
    }

    @Override
    public synchronized void inputRejected(InputError error) {
        if (state == State.LOGGED_OUT) {
            return;
        }
        if (continuation != null) {
            Continuation c = continuation;
            continuation = null;
            c.abort();
        } else {
            out.err("Input line too long.");
        }
        out.push();
    }

    @Override
    public synchronized void idleTimedOut(Connection c) {
        if (state != State.LOGGED_OUT) {
            out.err("Disconnected for inactivity.");
            out.push();
            disconnect("Disconnected for inactivity");
        } else {
            c.close();
        }
    }

    @Override
    public synchronized void closed() {
        if (disconnectReason == null) {
            disconnectReason = state == State.TRANSACTION ? "Disconnected: Connection closed" : null;
        }
        state = State.LOGGED_OUT;
        release();
    }

    // ---- for processors

    public Connection connection() {
        return connection;
    }

    public Pop3Services services() {
        return services;
    }

    public Pop3Settings settings() {
        return services.settings();
    }

    public ReplyWriter out() {
        return out;
    }

    /** The writer for RETR and TOP, made at the first use (its buffers are reused after that). */
    public MessageWriter messageWriter() {
        if (messageWriter == null) {
            messageWriter = new MessageWriter();
        }
        return messageWriter;
    }

    public State state() {
        return state;
    }

    public String user() {
        return user;
    }

    public Maildrop maildrop() {
        return maildrop;
    }

    public String pendingUser() {
        return pendingUser;
    }

    public void pendingUser(String name) {
        pendingUser = name;
    }

    public void continueWith(Continuation c) {
        continuation = c;
    }

    public void endContinuation() {
        continuation = null;
    }

    public int authAttempt() {
        return ++authAttempts;
    }

    public ClientInfo clientInfo() {
        return new ClientInfo("pop3", remoteIp(), ip(connection.localAddress()), connection.secure(),
                connection.local(), connection.id());
    }

    public InetAddress remoteIp() {
        return ip(connection.remoteAddress());
    }

    private static InetAddress ip(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }

    /** Enters the TRANSACTION state with the maildrop open. */
    public void loggedIn(String name, UserMailboxes store, Maildrop drop) {
        user = name;
        mailboxes = store;
        maildrop = drop;
        pendingUser = null;
        state = State.TRANSACTION;
        connection.setUser(name);
    }

    public void countTop(long bytes) {
        topCount++;
        topBytes += bytes;
    }

    public void countRetr(long bytes) {
        retrCount++;
        retrBytes += bytes;
    }

    /** QUIT after the UPDATE state: the maildrop was updated, nothing more to apply. */
    public void quit(String reason) {
        disconnectReason = reason;
        state = State.LOGGED_OUT;
        release();
        out.push();
        connection.close();
    }

    /** Ends the session without an UPDATE state. */
    public void disconnect(String reason) {
        disconnectReason = reason;
        state = State.LOGGED_OUT;
        release();
        out.push();
        connection.close();
    }

    /** Writes what is buffered now (before STLS). */
    public void push() {
        out.push();
    }

    /** Frees the maildrop and store; applies {@code \Seen} of retrieved messages when no QUIT did. */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        if (maildrop != null) {
            if (!settings().noFlagUpdates()) {
                try {
                    maildrop.applySeen();
                } catch (StorageException e) {
                    LOG.warn("setting \\Seen on retrieved messages failed: {}", e.getMessage());
                }
            }
            LOG.info("{} {}", disconnectReason == null ? "Disconnected" : disconnectReason, logoutStats());
            maildrop.close();
            maildrop = null;
        }
        if (mailboxes != null) {
            mailboxes.close();
            mailboxes = null;
        }
        if (user != null) {
            services.registry().remove(user, this);
        }
        if (user == null && disconnectReason != null) {
            LOG.info("{} (auth attempts: {})", disconnectReason, authAttempts);
        }
    }

    /** The {@code pop3_logout_format} line. */
    public String logoutStats() {
        Maildrop m = maildrop;
        long count = m == null ? 0 : m.count();
        long size = m == null ? 0 : m.totalSize();
        long deleted = m == null ? 0 : m.deletedCount();
        long deletedBytes = m == null ? 0 : m.deletedSize();
        return VarExpand.expand(settings().logoutFormat(), List.of(
                new VarExpand.Var('p', "top_bytes", () -> Long.toString(topBytes)),
                new VarExpand.Var('t', "top_count", () -> Long.toString(topCount)),
                new VarExpand.Var('b', "retr_bytes", () -> Long.toString(retrBytes)),
                new VarExpand.Var('r', "retr_count", () -> Long.toString(retrCount)),
                new VarExpand.Var('d', "deleted_count", () -> Long.toString(deleted)),
                new VarExpand.Var('m', "message_count", () -> Long.toString(count)),
                new VarExpand.Var('s', "message_bytes", () -> Long.toString(size)),
                new VarExpand.Var('i', "input", () -> Long.toString(inputBytes)),
                new VarExpand.Var('o', "output", () -> Long.toString(out.written())),
                new VarExpand.Var('u', "uidl_change", () -> ""),
                new VarExpand.Var('\0', "session", connection::id),
                new VarExpand.Var('\0', "deleted_bytes", () -> Long.toString(deletedBytes))));
    }
}
