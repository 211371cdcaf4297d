package org.loftmail.imap.impl.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.LiteralAnnouncement;
import org.loftmail.api.protocol.ProtocolSession;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.imap.impl.decode.AppendPrefix;
import org.loftmail.imap.impl.decode.CommandDecoder;
import org.loftmail.imap.impl.decode.LiteralPolicy;
import org.loftmail.imap.impl.decode.ParseException;
import org.loftmail.imap.impl.decode.SessionState;
import org.loftmail.imap.impl.encode.ResponseEncoder;
import org.loftmail.imap.impl.encode.ResponseWriter;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: decodes each command, checks the state, hands it to its processor and
 * writes the untagged updates and the tagged result. A command that continues over more lines
 * (AUTHENTICATE, IDLE) installs a {@link Continuation} that receives the next lines. Storage
 * events for the selected mailbox reach an idling session through {@link #mailboxChanged}.
 */
public final class ImapSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    /** A command waiting for more client lines (SASL responses, IDLE's DONE). */
    public interface Continuation {

        /** A client line; returns the tagged result, or null to keep waiting. */
        StatusResponse line(Command command);

        /** The selected mailbox changed while waiting (only IDLE cares). */
        default void mailboxChanged() {
        }
    }

    /** Runs one decoded command; returns its tagged result or null when a continuation took over. */
    public interface Dispatcher {
        StatusResponse dispatch(ImapSession session, CommandDecoder.Decoded command) throws StorageException;
    }

    private final Connection connection;
    private final ImapServices services;
    private final CommandDecoder decoder;
    private final Dispatcher dispatcher;
    private final LiteralPolicy literals;
    private final ResponseEncoder out;
    private final ConnectionOutput output;
    private final ReentrantLock lock = new ReentrantLock();

    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private String user;
    private UserMailboxes mailboxes;
    private Selected selected;
    private Continuation continuation;
    private final Set<String> enabled = new HashSet<>();
    private boolean uidCommand;
    private List<Long> saved = List.of();
    private boolean loggedOut;
    private int badCommands;
    private static final int MAX_BAD_BEFORE_LOGIN = 3;
    private static final int MAX_BAD = 20;
    /** Largest literal accepted before login (user names, passwords, SASL). */
    private static final long PRE_LOGIN_LITERAL = 8192;
    private static final java.util.regex.Pattern LITERAL_MARKER = java.util.regex.Pattern.compile("~?\\{\\d+\\+?}");
    private ScheduledFuture<?> keepalive;

    public ImapSession(Connection connection, ImapServices services, CommandDecoder decoder, Dispatcher dispatcher) {
        this.connection = connection;
        this.services = services;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        ImapSettings s = services.settings();
        this.literals = new LiteralPolicy(s.maxStringLiteral(), s.appendLimit(), false);
        this.output = new ConnectionOutput(connection);
        this.out = new ResponseEncoder(new ResponseWriter(output));
    }

    // ---- ProtocolSession

    @Override
    public void started() {
        connection.setIdleTimeout(ImapSettings.LOGIN_TIMEOUT);
        out.status(new StatusResponse(null, StatusResponse.Condition.OK,
                org.loftmail.imap.impl.encode.ResponseCode.capability(Capabilities.preLogin(this)),
                services.settings().greeting()));
        output.push();
    }

    @Override
    public boolean literalAnnounced(LiteralAnnouncement announcement) {
        LiteralPolicy.Verdict v = literals.decide(announcement);
        if (v.accepted()) {
            lock.lock();
            try {
                v = beforeLiteral(announcement);
            } finally {
                lock.unlock();
            }
        }
        if (!v.accepted()) {
            lock.lock();
            try {
                output.push();
            } finally {
                lock.unlock();
            }
            connection.write(v.response() + "\r\n");
            return false;
        }
        if (announcement.synchronizing()) {
            lock.lock();
            try {
                output.push();
            } finally {
                lock.unlock();
            }
            connection.write("+ OK\r\n");
        }
        return true;
    }

    @Override
    public void commandReceived(Command command) {
        lock.lock();
        try {
            if (loggedOut) {
                return;
            }
            if (continuation != null) {
                Continuation c = continuation;
                StatusResponse done = c.line(command);
                if (done != null) {
                    if (continuation == c) {
                        continuation = null;
                    }
                    finish(done, true);
                }
                return;
            }
            execute(command);
        } catch (RuntimeException e) {
            LOG.error("IMAP command failed: {}", e.toString(), e);
            out.status(StatusResponse.bye("Internal error occurred. Refer to server log for more information."));
            output.push();
            connection.close();
        } finally {
            output.push();
            lock.unlock();
        }
    }

    /**
     * What only the session can check before a literal's bytes come: before login only small
     * literals; the first literal of an APPEND needs a valid prefix and an existing mailbox.
     */
    private LiteralPolicy.Verdict beforeLiteral(LiteralAnnouncement a) {
        String line = a.lineSoFar();
        String tag = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : "*";
        if (state == SessionState.NOT_AUTHENTICATED && a.size() > PRE_LOGIN_LITERAL) {
            return new LiteralPolicy.Verdict(false, tag + " BAD Literal too large before login");
        }
        if (mailboxes == null) {
            return new LiteralPolicy.Verdict(true, null);
        }
        List<java.util.regex.MatchResult> markers = LITERAL_MARKER.matcher(line).results().toList();
        if (markers.size() > 1) {
            // a later literal: for MULTIAPPEND, check what came between it and the one before
            if (line.regionMatches(true, tag.length(), " APPEND ", 0, 8)) {
                String between = line.substring(markers.get(markers.size() - 2).end(),
                        markers.get(markers.size() - 1).start());
                try {
                    AppendPrefix.next(tag, between);
                } catch (ParseException e) {
                    return new LiteralPolicy.Verdict(false, e.responseLine());
                }
            }
            return new LiteralPolicy.Verdict(true, null);
        }
        int brace = line.lastIndexOf('{');
        String prefix = line.substring(0, brace > 0 && line.charAt(brace - 1) == '~' ? brace - 1 : brace);
        try {
            String wire = AppendPrefix.mailbox(prefix);
            if (wire != null) {
                mailboxes.status(WireNames.fromWire(wire, mailboxes.namespaces().get(0).separator()));
            }
        } catch (ParseException e) {
            return new LiteralPolicy.Verdict(false, e.responseLine());
        } catch (IllegalArgumentException e) {
            return new LiteralPolicy.Verdict(false, tag + " NO [TRYCREATE] Mailbox doesn't exist.");
        } catch (StorageException e) {
            if (e.error() == org.loftmail.api.storage.StorageError.NOT_FOUND) {
                return new LiteralPolicy.Verdict(false, tag + " NO [TRYCREATE] Mailbox doesn't exist.");
            }
        }
        return new LiteralPolicy.Verdict(true, null);
    }

    private void execute(Command command) {
        CommandDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(command);
        } catch (ParseException e) {
            bad(StatusResponse.bad(e.tag() == null ? "*" : e.tag(), e.getMessage()));
            return;
        }
        String tag = decoded.request().tag();
        if (!decoded.entry().states().contains(state)) {
            bad(StatusResponse.bad(tag, stateError(decoded.entry().name())));
            return;
        }
        uidCommand = decoded.entry().name().startsWith("UID ");
        StatusResponse result;
        try {
            result = dispatcher.dispatch(this, decoded);
        } catch (StorageException e) {
            result = StorageErrors.response(tag, e);
        }
        if (result != null) {
            if (result.condition() == StatusResponse.Condition.BAD) {
                bad(result);
                return;
            }
            resetBadCount();
            finish(result, decoded.entry().mayExpunge() || !decoded.entry().usesSequences());
        } else {
            resetBadCount();
        }
    }

    /**
     * Answers an invalid command; too many in a row end the session, as in Dovecot (3 before
     * login, 20 after): a client that only sends garbage gets no more of the server's time.
     */
    private void bad(StatusResponse response) {
        badCommands++;
        boolean preLogin = state == SessionState.NOT_AUTHENTICATED;
        if (!preLogin) {
            out.status(response); // after login the last one still gets its BAD before the BYE
        }
        if (badCommands >= (preLogin ? MAX_BAD_BEFORE_LOGIN : MAX_BAD)) {
            LOG.info("Disconnected: Too many invalid commands ({})", badCommands);
            out.status(StatusResponse.bye("Too many invalid IMAP commands."));
            loggedOut = true;
            output.push();
            connection.close();
            return;
        }
        if (preLogin) {
            out.status(response);
        }
    }

    /** After login a good command starts the count again; before login it never does (Dovecot). */
    private void resetBadCount() {
        if (state != SessionState.NOT_AUTHENTICATED) {
            badCommands = 0;
        }
    }

    private String stateError(String command) {
        return switch (state) {
            case NOT_AUTHENTICATED -> "Error in IMAP command " + command + ": Not authenticated.";
            case AUTHENTICATED -> command.equals("LOGIN") || command.equals("AUTHENTICATE")
                    || command.equals("STARTTLS") ? "Error in IMAP command " + command + ": Already authenticated."
                    : "Error in IMAP command " + command + ": No mailbox selected.";
            case SELECTED -> "Error in IMAP command " + command + ": Already authenticated.";
        };
    }

    /** Writes pending untagged updates (when allowed) and the tagged result. */
    private void finish(StatusResponse result, boolean mayReport) {
        if (selected != null && mayReport && !loggedOut) {
            try {
                reportChanges();
            } catch (StorageException e) {
                LOG.warn("syncing {} failed: {}", selected.name(), e.getMessage());
            }
        }
        out.status(result);
    }

    /** Sends what changed in the selected mailbox. Called with the session lock held. */
    public void reportChanges() throws StorageException {
        if (selected != null) {
            selected.report(out, enabled.contains("QRESYNC"), enabled.contains("CONDSTORE"), uidCommand);
        }
    }

    @Override
    public void inputRejected(InputError error) {
        lock.lock();
        try {
            switch (error) {
                case LINE_TOO_LONG -> out.status(StatusResponse.bad("*", "Too long argument."));
                case LITERAL_REFUSED -> { }
                default -> out.status(StatusResponse.bad("*", "Invalid input: " + error.name().toLowerCase()));
            }
        } finally {
            output.push();
            lock.unlock();
        }
    }

    @Override
    public void idleTimedOut(Connection c) {
        lock.lock();
        try {
            out.status(StatusResponse.bye("Disconnected for inactivity."));
        } finally {
            output.push();
            lock.unlock();
        }
        c.close();
    }

    @Override
    public void closed() {
        lock.lock();
        try {
            loggedOut = true;
            stopKeepalive();
            closeSelected();
            if (mailboxes != null) {
                services.registry().remove(user, this);
                mailboxes.close();
                mailboxes = null;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- for processors

    public Connection connection() {
        return connection;
    }

    public ImapServices services() {
        return services;
    }

    public ResponseEncoder out() {
        return out;
    }

    /** Sends what is buffered now (before STARTTLS, before closing). */
    public void push() {
        output.push();
    }

    public SessionState state() {
        return state;
    }

    public String user() {
        return user;
    }

    public UserMailboxes mailboxes() {
        return mailboxes;
    }

    public Selected selected() {
        return selected;
    }

    public boolean uidCommand() {
        return uidCommand;
    }

    public Set<String> enabled() {
        return enabled;
    }

    public boolean condstore() {
        return enabled.contains("CONDSTORE");
    }

    public boolean qresync() {
        return enabled.contains("QRESYNC");
    }

    /** The UIDs saved by {@code SEARCH RETURN (SAVE)} (RFC 5182). */
    public List<Long> saved() {
        return saved;
    }

    public void saved(List<Long> uids) {
        saved = List.copyOf(uids);
    }

    public void continueWith(Continuation c) {
        continuation = c;
        output.push();
    }

    public ClientInfo clientInfo() {
        return new ClientInfo("imap", remoteIp(), ip(connection.localAddress()), connection.secure(),
                connection.local(), connection.id());
    }

    public InetAddress remoteIp() {
        return ip(connection.remoteAddress());
    }

    private static InetAddress ip(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }

    /**
     * Becomes authenticated as {@code name} with the mail store open.
     *
     * @return false when {@code mail_max_userip_connections} is reached (nothing changed)
     */
    public boolean loggedIn(String name, UserMailboxes store) {
        if (!services.registry().add(name, this, services.settings().maxUserIpConnections())) {
            store.close();
            return false;
        }
        user = name;
        mailboxes = store;
        state = SessionState.AUTHENTICATED;
        connection.setUser(name);
        connection.setIdleTimeout(ImapSettings.AUTOLOGOUT);
        return true;
    }

    public void select(Selected s) {
        closeSelected();
        selected = s;
        state = SessionState.SELECTED;
        saved = List.of();
    }

    /** Leaves the selected state (CLOSE, UNSELECT, a failed SELECT). */
    public void closeSelected() {
        if (selected != null) {
            selected.view().close();
            selected = null;
            saved = List.of();
        }
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    public void logout() {
        loggedOut = true;
        output.push();
    }

    /** Storage event for one of this user's mailboxes (any thread). */
    void mailboxChanged(String mailbox) {
        Selected s = selected;
        Continuation c = continuation;
        if (s == null || c == null || !s.name().equals(mailbox)) {
            return;
        }
        Thread.ofVirtual().name("imap-idle-" + connection.id()).start(() -> {
            lock.lock();
            try {
                if (continuation == c && !loggedOut) {
                    c.mailboxChanged();
                }
            } finally {
                output.push();
                lock.unlock();
            }
        });
    }

    /** While IDLE: say we are alive now and then so NAT boxes keep the connection. */
    public void startKeepalive() {
        long every = services.settings().idleNotifyInterval().toMillis();
        if (every > 0) {
            keepalive = services.timer().scheduleAtFixedRate(() -> {
                lock.lock();
                try {
                    if (!loggedOut && continuation != null) {
                        out.status(StatusResponse.ok(null, "Still here"));
                    }
                } finally {
                    output.push();
                    lock.unlock();
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    public void stopKeepalive() {
        if (keepalive != null) {
            keepalive.cancel(false);
            keepalive = null;
        }
    }
}
