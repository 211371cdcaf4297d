package org.loftmail.net.impl;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSession;
import org.loftmail.net.impl.tls.ServerTls;
import org.loftmail.net.impl.tls.TlsContextProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A TCP connection on a MINA {@link IoSession}. */
final class MinaConnection extends BaseConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MinaConnection.class);

    /** A writer blocks while more than this is queued unsent. */
    static final long WRITE_QUEUE_LIMIT = 1024 * 1024;
    /** ... or this many write requests (MINA's SslFilter refuses more than 64 queued writes). */
    static final int WRITE_REQUEST_LIMIT = 32;
    /** How long a closing connection may take to send what is queued. */
    static final Duration CLOSE_LINGER = Duration.ofSeconds(30);

    private final IoSession io;
    private final TlsContextProvider tls;
    private final OutputGauge gauge = new OutputGauge();
    private final ReentrantLock inputLock = new ReentrantLock();
    private volatile boolean tlsRequested;
    private volatile boolean secure;

    MinaConnection(String id, ListenerRuntime runtime, IoSession io, SocketAddress remote, SocketAddress local,
                   TlsContextProvider tls) {
        super(id, runtime.settings().name(), remote, local, runtime.timer(), runtime.settings().idleTimeout());
        this.io = io;
        this.tls = tls;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public boolean tlsAvailable() {
        return !secure && !tlsRequested && tls != null && tls.current() != null;
    }

    @Override
    public void startTls() {
        ServerTls context = tls == null || secure || tlsRequested ? null : tls.current();
        if (context == null || isClosing()) {
            throw new IllegalStateException("TLS is not available on " + this);
        }
        byte[] goAhead = takePending();
        inputLock.lock();
        try {
            tlsRequested = true;
            SessionDriver d = driver();
            if (d != null) {
                d.discardPendingInput(); // plaintext after the STARTTLS command is never executed
            }
        } finally {
            inputLock.unlock();
        }
        IoFilterChain chain = io.getFilterChain();
        LoftSslFilter filter = new LoftSslFilter(context);
        try {
            if (chain.contains(ProxyProtocolFilter.NAME)) {
                chain.addAfter(ProxyProtocolFilter.NAME, LoftSslFilter.NAME, filter);
            } else {
                chain.addFirst(LoftSslFilter.NAME, filter);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start TLS on " + this + ": " + e.getMessage(), e);
        }
        if (goAhead.length > 0) {
            // queued behind the SslFilter but not encrypted: the client reads it before its ClientHello
            ClearWriteRequest request = new ClearWriteRequest(IoBuffer.wrap(goAhead), io);
            gauge.add(goAhead.length);
            request.getFuture().addListener(f -> gauge.done(goAhead.length));
            chain.fireFilterWrite(request);
        }
        secure = true;
        LOG.debug("session {}: STARTTLS, TLS handshake pending", id());
    }

    /** The TLS handshake finished. */
    void secured(SSLSession session) {
        secure = true;
        if (session != null) {
            LOG.debug("session {}: TLS established: {} {}", id(), session.getProtocol(), session.getCipherSuite());
        }
    }

    @Override
    void received(byte[] data) {
        inputLock.lock();
        try {
            if (tlsRequested && io.getAttribute(SslFilter.SSL_SECURED) == null) {
                LOG.debug("session {}: discarding {} bytes of plaintext received after STARTTLS", id(), data.length);
                return;
            }
            super.received(data);
        } finally {
            inputLock.unlock();
        }
    }

    @Override
    protected void transportWrite(byte[] data) {
        if (!io.isConnected() || io.isClosing()) {
            return;
        }
        int direct = writeDirectly(data);
        if (direct == data.length) {
            return;
        }
        int rest = data.length - direct;
        gauge.add(rest);
        WriteFuture future = io.write(IoBuffer.wrap(data, direct, rest));
        future.addListener(f -> gauge.done(rest));
        Duration timeout = idleTimeout();
        try {
            if (!gauge.awaitBelow(WRITE_QUEUE_LIMIT, WRITE_REQUEST_LIMIT, timeout)) {
                LOG.warn("session {}: client at {} did not read for {} ({} bytes queued): closing", id(), remoteText(),
                        timeout, gauge.queuedBytes());
                abort();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        }
    }

    /**
     * Writes to the socket from the calling thread when MINA has nothing queued for it and no
     * filter has to see the bytes (no TLS), which spares waking the IO thread for every reply.
     * Callers hold the output lock, so nothing can be queued between the check and the write.
     *
     * @return the bytes written; the rest goes through MINA's queue (which also meets any error)
     */
    private int writeDirectly(byte[] data) {
        if (!(io instanceof NioSession nio) || gauge.queuedBytes() > 0
                || io.getFilterChain().contains(SslFilter.class)) {
            return 0;
        }
        try {
            return nio.getChannel().write(ByteBuffer.wrap(data));
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    protected void closeTransport() {
        io.closeOnFlush();
        try {
            timer.schedule(() -> {
                if (!io.isClosing() || io.isConnected()) {
                    io.closeNow();
                }
            }, CLOSE_LINGER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            io.closeNow();
        }
    }

    @Override
    protected void closeTransportNow() {
        io.closeNow();
    }

    @Override
    void transportClosed() {
        gauge.close();
        super.transportClosed();
    }

    @Override
    void suspendRead() {
        io.suspendRead();
    }

    @Override
    void resumeRead() {
        io.resumeRead();
        // MINA changes the interest set without waking the processor, whose select() then sleeps
        // up to its 1 s timeout before it reads again (a large APPEND stalled for a second). A
        // flush request wakes it; with nothing queued it writes nothing.
        if (io instanceof NioSession nio) {
            nio.getProcessor().flush(nio);
        }
    }
}
