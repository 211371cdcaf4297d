package org.loftmail.net.impl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.loftmail.net.impl.tls.TlsContextProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An inet listener on Apache MINA: binds the configured addresses and wires the filter chain. */
public final class TcpListener implements Listener {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);

    private final ListenerRuntime runtime;
    private final ListenerSettings settings;
    private final TlsContextProvider tls;
    private NioSocketAcceptor acceptor;

    public TcpListener(ListenerRuntime runtime, TlsContextProvider tls) {
        this.runtime = runtime;
        this.settings = runtime.settings();
        this.tls = tls;
    }

    @Override
    public ListenerRuntime runtime() {
        return runtime;
    }

    @Override
    public void start() throws IOException {
        List<InetSocketAddress> addresses = Addresses.bindAddresses(settings.addresses(), settings.port());
        if (addresses.isEmpty()) {
            throw new IOException("listener " + settings.name() + " has no address to bind");
        }
        NioSocketAcceptor a = new NioSocketAcceptor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        a.setReuseAddress(true);
        a.setBacklog(511);
        a.setCloseOnDeactivation(true);
        a.getSessionConfig().setTcpNoDelay(true);
        a.getSessionConfig().setKeepAlive(true);
        if (settings.haproxy()) {
            a.getFilterChain().addLast(ProxyProtocolFilter.NAME, new ProxyProtocolFilter(settings.name()));
        }
        a.setHandler(new MinaSessionHandler(runtime, tls));
        try {
            bind(a, addresses);
        } catch (IOException | RuntimeException e) {
            a.dispose(false);
            throw e;
        }
        acceptor = a;
        LOG.info("listener {} ({}{}{}) listening on {}", settings.name(), settings.protocol(),
                settings.ssl() ? ", TLS" : "", settings.haproxy() ? ", PROXY protocol" : "",
                boundAddresses().stream().map(Addresses::format).toList());
    }

    /**
     * Binds; {@code *} and {@code ::} together conflict on a dual-stack system (the IPv6 wildcard
     * takes IPv4 connections too), so on a bind error the IPv4 wildcard is dropped and the bind
     * retried.
     */
    private void bind(NioSocketAcceptor a, List<InetSocketAddress> addresses) throws IOException {
        boolean bothWildcards = addresses.stream().anyMatch(s -> s.getAddress().equals(Addresses.ANY_V4))
                && addresses.stream().anyMatch(s -> s.getAddress().equals(Addresses.ANY_V6));
        try {
            a.bind(new ArrayList<SocketAddress>(addresses));
            return;
        } catch (IOException e) {
            if (!bothWildcards) {
                throw new IOException("listener " + settings.name() + ": cannot bind " + addresses + ": " + e.getMessage(), e);
            }
            LOG.info("listener {}: binding * and :: together failed ({}); binding :: alone (it takes IPv4 connections too)",
                    settings.name(), e.getMessage());
        }
        try {
            a.bind(new ArrayList<SocketAddress>(addresses.stream().filter(s -> !s.getAddress().equals(Addresses.ANY_V4)).toList()));
        } catch (IOException e) {
            LOG.warn("listener {}: cannot bind :: ({}); binding IPv4 only", settings.name(), e.getMessage());
            a.bind(new ArrayList<SocketAddress>(addresses.stream().filter(s -> !s.getAddress().equals(Addresses.ANY_V6)).toList()));
        }
    }

    @Override
    public List<SocketAddress> boundAddresses() {
        NioSocketAcceptor a = acceptor;
        return a == null ? List.of() : List.copyOf(a.getLocalAddresses());
    }

    /** The first bound address as an inet address (tests). */
    public InetSocketAddress address() {
        return (InetSocketAddress) boundAddresses().get(0);
    }

    @Override
    public void stop() {
        runtime.stop();
        NioSocketAcceptor a = acceptor;
        acceptor = null;
        if (a != null) {
            a.unbind();
            a.dispose(true);
            LOG.info("listener {} closed", settings.name());
        }
        runtime.dispose();
    }
}
