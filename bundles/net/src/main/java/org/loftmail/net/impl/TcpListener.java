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
        boolean v4 = addresses.stream().anyMatch(s -> s.getAddress().equals(Addresses.ANY_V4));
        boolean v6 = addresses.stream().anyMatch(s -> s.getAddress().equals(Addresses.ANY_V6));
        if (v4 && v6) {
            // on a dual-stack system :: takes IPv4 connections too, and * and :: on one port conflict
            try {
                acceptor = bind(without(addresses, Addresses.ANY_V4));
            } catch (IOException e) {
                LOG.warn("listener {}: cannot bind :: ({}); binding IPv4 only", settings.name(), e.getMessage());
                acceptor = bind(without(addresses, Addresses.ANY_V6));
            }
        } else {
            acceptor = bind(addresses);
        }
        LOG.info("listener {} ({}{}{}) listening on {}", settings.name(), settings.protocol(),
                settings.ssl() ? ", TLS" : "", settings.haproxy() ? ", PROXY protocol" : "",
                boundAddresses().stream().map(Addresses::format).toList());
    }

    private static List<SocketAddress> without(List<InetSocketAddress> addresses, java.net.InetAddress ip) {
        return new ArrayList<>(addresses.stream().filter(s -> !s.getAddress().equals(ip)).toList());
    }

    private NioSocketAcceptor bind(List<? extends SocketAddress> addresses) throws IOException {
        NioSocketAcceptor a = new NioSocketAcceptor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        a.setReuseAddress(true);
        a.setBacklog(511);
        a.setCloseOnDeactivation(true);
        a.getSessionConfig().setTcpNoDelay(true);
        a.getSessionConfig().setKeepAlive(true);
        // start reads at 16 KiB (MINA's default is 2 KiB and grows one doubling per full read)
        a.getSessionConfig().setReadBufferSize(16 * 1024);
        if (settings.haproxy()) {
            a.getFilterChain().addLast(ProxyProtocolFilter.NAME, new ProxyProtocolFilter(settings.name()));
        }
        a.setHandler(new MinaSessionHandler(runtime, tls));
        try {
            a.bind(new ArrayList<SocketAddress>(addresses));
            return a;
        } catch (IOException | RuntimeException e) {
            a.dispose(true);
            throw new IOException("listener " + settings.name() + ": cannot bind " + addresses.stream()
                    .map(Addresses::format).toList() + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
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
