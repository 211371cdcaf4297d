package org.loftmail.net.impl;

import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.loftmail.api.protocol.Connection;
import org.slf4j.MDC;

/**
 * What TCP and Unix connections share: identity, user, idle timeout, MDC handling and output
 * buffering.
 *
 * <p>Output written during a session callback is collected and handed to the transport when the
 * callback returns (or when 64 KiB have piled up), so a "go ahead" line followed by
 * {@link #startTls()} never reaches the client before TLS is in place. Writes from other threads
 * go out at once.
 */
abstract class BaseConnection implements Connection {

    static final int FLUSH_THRESHOLD = 64 * 1024;

    private final String id;
    private final String listenerName;
    private final SocketAddress localAddress;
    private volatile SocketAddress remoteAddress;
    private volatile String remoteText;
    private volatile String user;
    protected final ScheduledExecutorService timer;
    protected final IdleWatch idle;

    private final ReentrantLock outLock = new ReentrantLock();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile Thread callbackThread;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile SessionDriver driver;
    private volatile DeflateStreams deflate;
    private boolean compressOutput; // guarded by outLock

    BaseConnection(String id, String listenerName, SocketAddress remote, SocketAddress local,
                   ScheduledExecutorService timer, Duration idleTimeout) {
        this.id = id;
        this.listenerName = listenerName;
        this.remoteAddress = remote;
        this.remoteText = Addresses.format(remote);
        this.localAddress = local;
        this.timer = timer;
        this.idle = new IdleWatch(timer, idleTimeout, this::idleTimedOut);
    }

    void attach(SessionDriver d) {
        this.driver = d;
        idle.start();
    }

    SessionDriver driver() {
        return driver;
    }

    // ---- Connection

    @Override
    public String id() {
        return id;
    }

    @Override
    public String listenerName() {
        return listenerName;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public SocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public boolean local() {
        return Addresses.isLocal(remoteAddress);
    }

    @Override
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(byte[] bytes) {
        if (closing.get() || bytes.length == 0) {
            return;
        }
        outLock.lock();
        try {
            pending.writeBytes(bytes);
            if (pending.size() >= FLUSH_THRESHOLD || Thread.currentThread() != callbackThread) {
                flushLocked();
            }
        } finally {
            outLock.unlock();
        }
    }

    @Override
    public void startCompression() {
        outLock.lock();
        try {
            if (deflate != null) {
                throw new IllegalStateException("compression is already on");
            }
            DeflateStreams streams = new DeflateStreams();
            deflate = streams; // input from here on is inflated; the client compresses only after our answer
            byte[] plain = pending.toByteArray();
            pending.reset();
            if (plain.length > 0 && !closing.get()) {
                transportWrite(plain); // the "go ahead" leaves uncompressed
            }
            compressOutput = true;
        } finally {
            outLock.unlock();
        }
    }

    @Override
    public boolean compressed() {
        return deflate != null;
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        idle.setTimeout(timeout);
    }

    /** The current idle timeout: also how long a blocked write waits for the peer to read. */
    Duration idleTimeout() {
        return idle.timeout();
    }

    @Override
    public void setUser(String user) {
        this.user = user;
        if (Thread.currentThread() == callbackThread) {
            if (user == null) {
                MDC.remove("user");
            } else {
                MDC.put("user", user);
            }
        }
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public void close() {
        if (closing.get()) {
            return;
        }
        if (Thread.currentThread() == callbackThread) {
            // send what the protocol wrote (e.g. its goodbye); other threads never wait for a peer
            flush();
        }
        if (closing.compareAndSet(false, true)) {
            closeTransport();
        }
    }

    /** Closes without sending what is still buffered. */
    void abort() {
        if (closing.compareAndSet(false, true)) {
            outLock.lock();
            try {
                pending.reset();
            } finally {
                outLock.unlock();
            }
        }
        closeTransportNow();
    }

    boolean isClosing() {
        return closing.get();
    }

    @Override
    public String toString() {
        return "session " + id + " from " + remoteText + " on " + listenerName;
    }

    // ---- for the session driver

    /** Called on the session thread before a callback. */
    void enterCallback() {
        callbackThread = Thread.currentThread();
        MDC.put("session", id);
        MDC.put("remote", remoteText);
        String u = user;
        if (u != null) {
            MDC.put("user", u);
        }
    }

    /** Called on the session thread after a callback: sends what it wrote. */
    void exitCallback() {
        try {
            flush();
        } finally {
            callbackThread = null;
            MDC.remove("session");
            MDC.remove("remote");
            MDC.remove("user");
        }
    }

    /** Hands buffered output to the transport; may block while the peer is not reading. */
    void flush() {
        outLock.lock();
        try {
            flushLocked();
        } finally {
            outLock.unlock();
        }
    }

    /** Takes the buffered output without sending it (STARTTLS sends it itself, in the clear). */
    byte[] takePending() {
        outLock.lock();
        try {
            byte[] b = pending.toByteArray();
            pending.reset();
            return b;
        } finally {
            outLock.unlock();
        }
    }

    private void flushLocked() {
        if (pending.size() == 0) {
            return;
        }
        byte[] b = pending.toByteArray();
        pending.reset();
        if (!closing.get()) {
            transportWrite(compressOutput ? deflate.deflate(b) : b);
        }
    }

    // ---- for the transport

    /** The peer's address became known from a PROXY header. */
    void remoteAddress(SocketAddress remote) {
        this.remoteAddress = remote;
        this.remoteText = Addresses.format(remote);
    }

    String remoteText() {
        return remoteText;
    }

    /** Input arrived from the transport (IO or reader thread). */
    void received(byte[] data) {
        idle.touch();
        SessionDriver d = driver;
        if (d == null) {
            return;
        }
        DeflateStreams streams = deflate;
        if (streams != null) {
            try {
                data = streams.inflate(data);
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger(BaseConnection.class)
                        .info("session {}: closing: {}", id, e.getMessage());
                abort();
                return;
            }
        }
        d.received(data);
    }

    /** The peer closed its side: finish what was received, then close. */
    void inputEnded() {
        SessionDriver d = driver;
        if (d != null) {
            d.inputEnded();
        } else {
            abort();
        }
    }

    /** The transport is closed (by either side). */
    void transportClosed() {
        closing.set(true);
        idle.stop();
        SessionDriver d = driver;
        if (d != null) {
            d.transportClosed();
        }
    }

    private void idleTimedOut() {
        SessionDriver d = driver;
        if (d != null && !closing.get()) {
            d.idle();
        }
    }

    /** Writes to the wire; blocks while too much is queued, closes when the peer stops reading. */
    protected abstract void transportWrite(byte[] data);

    /** Closes after queued output is written (bounded in time). */
    protected abstract void closeTransport();

    /** Closes at once. */
    protected abstract void closeTransportNow();

    /** Stops reading input (the session is behind). */
    abstract void suspendRead();

    /** Resumes reading input. */
    abstract void resumeRead();
}
