package org.loftmail.net.impl;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.filter.ssl.SslFilter;
import org.loftmail.net.impl.proxy.ProxyHeader;
import org.loftmail.net.impl.tls.ServerTls;
import org.loftmail.net.impl.tls.TlsContextProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MINA events of one listener, turned into connection and session events. Runs on IO threads: never blocks. */
final class MinaSessionHandler extends IoHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MinaSessionHandler.class);
    private static final AttributeKey CONNECTION = new AttributeKey(MinaSessionHandler.class, "connection");
    private static final AttributeKey INPUT_ENDED = new AttributeKey(MinaSessionHandler.class, "inputEnded");

    /** An implicit TLS handshake must finish within this time. */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

    private final ListenerRuntime runtime;
    private final ListenerSettings settings;
    private final TlsContextProvider tls;
    private final LogThrottle noTlsLog = new LogThrottle(Duration.ofSeconds(1));

    MinaSessionHandler(ListenerRuntime runtime, TlsContextProvider tls) {
        this.runtime = runtime;
        this.settings = runtime.settings();
        this.tls = tls;
    }

    @Override
    public void sessionCreated(IoSession io) {
        if (!settings.ssl()) {
            return;
        }
        ServerTls context = tls == null ? null : tls.current();
        if (context == null) {
            long held = noTlsLog.tryAcquire();
            if (held >= 0) {
                LOG.error("refused connection from {} on listener {}: TLS is not available (no usable certificate or ssl = no){}",
                        Addresses.format(io.getRemoteAddress()), settings.name(), LogThrottle.heldBack(held));
            }
            io.closeNow();
            return;
        }
        io.getFilterChain().addLast(LoftSslFilter.NAME, new LoftSslFilter(context));
        schedule(io, HANDSHAKE_TIMEOUT, () -> {
            if (io.getAttribute(SslFilter.SSL_SECURED) == null && !io.isClosing()) {
                LOG.info("closing connection from {} on listener {}: TLS handshake not completed within {} s",
                        Addresses.format(io.getRemoteAddress()), settings.name(), HANDSHAKE_TIMEOUT.toSeconds());
                io.closeNow();
            }
        });
    }

    private void schedule(IoSession io, Duration delay, Runnable check) {
        try {
            runtime.timer().schedule(check, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            io.closeNow();
        }
    }

    @Override
    public void sessionOpened(IoSession io) {
        if (io.isClosing()) {
            return;
        }
        if (!settings.haproxy()) {
            admit(io, io.getRemoteAddress(), io.getLocalAddress());
            return;
        }
        schedule(io, settings.proxyHeaderTimeout(), () -> {
            if (!io.containsAttribute(ProxyProtocolFilter.HEADER) && !io.isClosing()) {
                LOG.warn("closing connection from {} on listener {}: no PROXY protocol header within {} s",
                        Addresses.format(io.getRemoteAddress()), settings.name(),
                        settings.proxyHeaderTimeout().toMillis() / 1000.0);
                io.closeNow();
            }
        });
    }

    @Override
    public void event(IoSession io, FilterEvent event) {
        if (event instanceof ProxyHeaderEvent(ProxyHeader header)) {
            SocketAddress remote = header.proxied() ? header.source() : io.getRemoteAddress();
            SocketAddress local = header.proxied() ? header.destination() : io.getLocalAddress();
            admit(io, remote, local);
        } else if (event == SslEvent.SECURED) {
            MinaConnection c = connection(io);
            if (c != null) {
                c.secured((SSLSession) io.getAttribute(SslFilter.SSL_SECURED));
                if (settings.ssl()) {
                    c.driver().start();
                }
            }
        }
    }

    private void admit(IoSession io, SocketAddress remote, SocketAddress local) {
        ListenerRuntime.Admission admission = runtime.admit(remote);
        if (admission == null) {
            io.closeNow();
            return;
        }
        MinaConnection c = new MinaConnection(admission.id(), runtime, io, remote, local, tls);
        io.setAttribute(CONNECTION, c);
        runtime.start(c, admission, !settings.ssl());
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        MinaConnection c = connection(io);
        if (c == null || !(message instanceof IoBuffer buffer)) {
            return;
        }
        byte[] data = new byte[buffer.remaining()];
        buffer.get(data);
        c.received(data);
    }

    @Override
    public void inputClosed(IoSession io) {
        if (io.setAttributeIfAbsent(INPUT_ENDED, Boolean.TRUE) != null) {
            return;
        }
        io.suspendRead();
        MinaConnection c = connection(io);
        if (c == null) {
            io.closeNow();
        } else {
            c.inputEnded();
        }
    }

    @Override
    public void sessionClosed(IoSession io) {
        MinaConnection c = connection(io);
        if (c != null) {
            c.transportClosed();
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        MinaConnection c = connection(io);
        String who = c != null ? "session " + c.id() + " from " + c.remoteText()
                : "connection from " + Addresses.format(io.getRemoteAddress());
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            LOG.info("{} on listener {}: TLS failed: {}", who, settings.name(), cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("{} on listener {}: {}", who, settings.name(), cause.toString());
        } else {
            LOG.warn("{} on listener {}: closing after error", who, settings.name(), cause);
        }
        io.closeNow();
    }

    private static MinaConnection connection(IoSession io) {
        return (MinaConnection) io.getAttribute(CONNECTION);
    }
}
