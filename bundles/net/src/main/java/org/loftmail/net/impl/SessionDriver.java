package org.loftmail.net.impl;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.LiteralAnnouncement;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;
import org.loftmail.net.impl.framing.LineLiteralDecoder;
import org.loftmail.net.impl.framing.LiteralSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link ProtocolSession}: every callback runs on the session's serial executor, input
 * is framed there by a {@link LineLiteralDecoder}, and reading stops while too much input waits.
 */
final class SessionDriver implements LineLiteralDecoder.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDriver.class);

    /** Stop reading when this much input waits for the session. */
    static final long INPUT_HIGH_WATER = 1024 * 1024;
    /** Read again when the waiting input dropped below this. */
    static final long INPUT_LOW_WATER = 256 * 1024;

    private final BaseConnection conn;
    private final Protocol protocol;
    private final SessionExecutor executor;
    private final LiteralSpool spool;
    private final Runnable onEnded;

    // confined to the session thread
    private LineLiteralDecoder decoder;
    private ProtocolSession session;
    private boolean started;
    private boolean closedDelivered;

    private final ReentrantLock inputLock = new ReentrantLock();
    private long queuedInput;
    private boolean readSuspended;
    private volatile int generation;
    private final AtomicBoolean ended = new AtomicBoolean();

    SessionDriver(BaseConnection conn, Protocol protocol, LiteralSpool spool, Runnable onEnded) {
        this.conn = conn;
        this.protocol = protocol;
        this.executor = new SessionExecutor(conn.id());
        this.spool = spool;
        this.onEnded = onEnded;
    }

    Protocol protocol() {
        return protocol;
    }

    BaseConnection connection() {
        return conn;
    }

    /** Opens the protocol session; {@code startNow} false waits for {@link #start()} (TLS handshake). */
    void open(boolean startNow) {
        submit("open", () -> {
            Framing framing = protocol.framing();
            decoder = new LineLiteralDecoder(framing, spool, this);
            session = protocol.open(conn);
            if (session == null) {
                throw new IllegalStateException("protocol " + protocol + " returned no session");
            }
            if (startNow) {
                doStart();
            }
        });
    }

    /** The connection is ready (after an implicit TLS handshake). */
    void start() {
        submit("started", this::doStart);
    }

    private void doStart() {
        if (session != null && !started) {
            started = true;
            session.started();
        }
    }

    /** Input from the transport thread; never blocks. */
    void received(byte[] data) {
        int gen = generation;
        inputLock.lock();
        try {
            queuedInput += data.length;
            if (queuedInput > INPUT_HIGH_WATER && !readSuspended) {
                readSuspended = true;
                conn.suspendRead();
                LOG.debug("session {}: {} bytes of input waiting, reading paused", conn.id(), queuedInput);
            }
        } finally {
            inputLock.unlock();
        }
        executor.execute(() -> {
            consumed(data.length);
            if (closedDelivered || gen != generation || ended.get() || conn.isClosing() || decoder == null) {
                return;
            }
            runCallback("processing input", () -> decoder.feed(ByteBuffer.wrap(data)));
        });
    }

    private void consumed(int n) {
        inputLock.lock();
        try {
            queuedInput -= n;
            if (readSuspended && queuedInput < INPUT_LOW_WATER) {
                readSuspended = false;
                conn.resumeRead();
            }
        } finally {
            inputLock.unlock();
        }
    }

    /**
     * Drops input received but not yet processed: the rest of the current buffer and everything
     * queued. Called on the session thread when switching to TLS.
     */
    void discardPendingInput() {
        generation++;
        if (decoder != null) {
            decoder.discardBuffered();
        }
    }

    /** The peer closed its sending side: process what arrived, then close. */
    void inputEnded() {
        submit("end of input", conn::close);
    }

    /** No input for the idle timeout. */
    void idle() {
        submit("idle timeout", () -> {
            LOG.debug("session {}: no input for {}", conn.id(), conn.idleTimeout());
            session.idleTimedOut(conn);
        });
    }

    /** The transport is gone: tell the session (once). */
    void transportClosed() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        onEnded.run();
        executor.execute(() -> {
            if (closedDelivered) {
                return;
            }
            closedDelivered = true;
            runCallback("closed", () -> {
                if (decoder != null) {
                    decoder.close();
                }
                if (session != null) {
                    session.closed();
                }
            });
            LOG.debug("session {}: connection from {} closed", conn.id(), conn.remoteText());
        });
    }

    private void submit(String what, Runnable body) {
        executor.execute(() -> {
            if (closedDelivered || (session == null && !"open".equals(what))) {
                return;
            }
            runCallback(what, body);
        });
    }

    private void runCallback(String what, Runnable body) {
        conn.enterCallback();
        try {
            body.run();
        } catch (Throwable t) {
            LOG.warn("session {} from {}: {} failed, closing the connection: {}", conn.id(), conn.remoteText(), what,
                    t.toString(), t);
            if (decoder != null) {
                decoder.halt();
            }
            conn.close();
        } finally {
            try {
                conn.exitCallback();
            } catch (RuntimeException e) {
                LOG.debug("session {}: flushing output failed: {}", conn.id(), e.toString());
            }
        }
    }

    // ---- LineLiteralDecoder.Sink, on the session thread

    @Override
    public void command(Command command) {
        if (conn.isClosing()) {
            decoder.halt();
            return;
        }
        session.commandReceived(command);
    }

    @Override
    public boolean literalAnnounced(LiteralAnnouncement announcement) {
        if (conn.isClosing()) {
            decoder.halt();
            return false;
        }
        return session.literalAnnounced(announcement);
    }

    @Override
    public long chunkSize(byte[] line) {
        return conn.isClosing() ? -1 : session.chunkSize(line);
    }

    @Override
    public void rejected(InputError error) {
        if (conn.isClosing()) {
            decoder.halt();
            return;
        }
        LOG.debug("session {}: input rejected: {}", conn.id(), error);
        session.inputRejected(error);
    }
}
