package org.loftmail.net.impl;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.net.impl.framing.LiteralSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a listener does with connections, whatever the transport: decides whether to serve them
 * (protocol present, limits), starts their sessions, and closes them when the protocol goes away
 * or the listener stops.
 */
public final class ListenerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerRuntime.class);

    private final ListenerSettings settings;
    private final ConnectionLimiter limiter;
    private final LiteralSpool spool;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicReference<Protocol> protocol = new AtomicReference<>();
    private final Set<SessionDriver> sessions = ConcurrentHashMap.newKeySet();
    private final LogThrottle notRunningLog = new LogThrottle(Duration.ofSeconds(1));
    private final LogThrottle limitLog = new LogThrottle(Duration.ofSeconds(1));
    private volatile boolean stopped;

    public ListenerRuntime(ListenerSettings settings, ConnectionLimiter limiter, Path spoolDir) {
        this.settings = settings;
        this.limiter = limiter;
        this.spool = new LiteralSpool(spoolDir);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "loft-net-timer-" + settings.name());
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    public ListenerSettings settings() {
        return settings;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /**
     * A Protocol service for this listener appeared, or a better ranked one replaced the previous
     * one (whose sessions are closed by {@link #protocolRemoved}).
     */
    public void protocolAdded(Protocol p) {
        Protocol old = protocol.getAndSet(p);
        if (old == null) {
            LOG.info("listener {}: protocol {} is running, accepting connections", settings.name(), settings.protocol());
        } else if (old != p) {
            // its sessions go when it is unbound (DS binds the new service first)
            LOG.info("listener {}: new connections are served by another {} service", settings.name(), settings.protocol());
        }
    }

    /** A Protocol service went away: close its sessions; refuse new ones unless another is present. */
    public void protocolRemoved(Protocol p) {
        if (protocol.compareAndSet(p, null)) {
            LOG.info("listener {}: protocol {} stopped, refusing new connections", settings.name(), settings.protocol());
        }
        closeSessionsOf(p, "protocol " + settings.protocol() + " stopped");
    }

    /** Whether no Protocol service is bound. */
    public boolean protocolMissing() {
        return protocol.get() == null;
    }

    /** The number of open sessions. */
    public int sessionCount() {
        return sessions.size();
    }

    /** A granted connection: its id, the protocol that serves it and its counted place. */
    record Admission(String id, Protocol protocol, ConnectionLimiter.Permit permit) {
    }

    /**
     * Decides whether a new connection is served. Logs the reason and returns null when not; the
     * caller then closes it.
     */
    Admission admit(SocketAddress remote) {
        if (stopped) {
            return null;
        }
        Protocol p = protocol.get();
        if (p == null) {
            long held = notRunningLog.tryAcquire();
            if (held >= 0) {
                LOG.warn("refused connection from {} on listener {}: protocol {} is not running (no bundle provides it){}",
                        Addresses.format(remote), settings.name(), settings.protocol(), LogThrottle.heldBack(held));
            }
            return null;
        }
        ConnectionLimiter.Decision d = limiter.tryAcquire(Addresses.ip(remote), Addresses.host(remote),
                settings.clientLimit(), settings.connectionLimitPerIp());
        if (d.permit() == null) {
            long held = limitLog.tryAcquire();
            if (held >= 0) {
                LOG.warn("{} on listener {}{}", d.refusal(), settings.name(), LogThrottle.heldBack(held));
            }
            return null;
        }
        return new Admission(SessionIds.next(), p, d.permit());
    }

    /** Starts the protocol session of an admitted connection. */
    void start(BaseConnection conn, Admission admission, boolean startNow) {
        SessionDriver[] self = new SessionDriver[1];
        SessionDriver driver = new SessionDriver(conn, admission.protocol(), spool, () -> {
            sessions.remove(self[0]);
            admission.permit().release();
        });
        self[0] = driver;
        sessions.add(driver);
        conn.attach(driver);
        LOG.debug("session {}: connection from {} on listener {} ({})", conn.id(), conn.remoteText(), settings.name(),
                settings.protocol());
        driver.open(startNow);
        if (stopped || protocol.get() != admission.protocol()) {
            conn.close(); // the protocol or the listener went away meanwhile
        }
    }

    private void closeSessionsOf(Protocol p, String reason) {
        List<SessionDriver> affected = sessions.stream().filter(s -> s.protocol() == p).toList();
        if (!affected.isEmpty()) {
            LOG.info("listener {}: closing {} session(s): {}", settings.name(), affected.size(), reason);
        }
        affected.forEach(s -> s.connection().close());
    }

    /** Closes every session and the timer. */
    public void stop() {
        stopped = true;
        List<SessionDriver> all = List.copyOf(sessions);
        if (!all.isEmpty()) {
            LOG.info("listener {}: closing {} session(s): listener stopped", settings.name(), all.size());
        }
        all.forEach(s -> s.connection().close());
    }

    /** Releases the timer; after the transport is closed. */
    void dispose() {
        timer.shutdownNow();
    }
}
