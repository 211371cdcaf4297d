package org.loftmail.net.impl;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.loftmail.net.impl.proxy.ProxyHeader;
import org.loftmail.net.impl.proxy.ProxyHeaderException;
import org.loftmail.net.impl.proxy.ProxyHeaderParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unix-domain socket listener on the JDK (MINA has no AF_UNIX): an accept thread and a virtual
 * thread per connection doing blocking reads.
 */
public final class UnixListener implements Listener {

    private static final Logger LOG = LoggerFactory.getLogger(UnixListener.class);
    private static final int READ_BUFFER = 16 * 1024;

    private final ListenerRuntime runtime;
    private final ListenerSettings settings;
    private final Path path;
    private volatile ServerSocketChannel server;
    private Thread acceptThread;

    public UnixListener(ListenerRuntime runtime) {
        this.runtime = runtime;
        this.settings = runtime.settings();
        this.path = Path.of(settings.path());
    }

    @Override
    public ListenerRuntime runtime() {
        return runtime;
    }

    public Path path() {
        return path;
    }

    @Override
    public void start() throws IOException {
        if (settings.ssl()) {
            LOG.warn("listener {}: ssl is not supported on Unix sockets; serving without TLS", settings.name());
        }
        if (!path.isAbsolute()) {
            LOG.warn("listener {}: socket path {} is relative; it is resolved against the working directory {}",
                    settings.name(), path, Path.of("").toAbsolutePath());
        }
        UnixSocketFiles.prepare(path);
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            s.close();
            throw new IOException("listener " + settings.name() + ": cannot bind " + path + ": " + e.getMessage(), e);
        }
        UnixSocketFiles.applyMode(path, settings.mode());
        UnixSocketFiles.applyOwner(path, settings.user(), settings.group());
        server = s;
        acceptThread = Thread.ofPlatform().daemon().name("loft-unix-accept-" + settings.name()).start(this::acceptLoop);
        LOG.info("listener {} ({}{}) listening on unix:{}", settings.name(), settings.protocol(),
                settings.haproxy() ? ", PROXY protocol" : "", path);
    }

    private void acceptLoop() {
        ServerSocketChannel s = server;
        while (s != null && s.isOpen()) {
            try {
                SocketChannel ch = s.accept();
                Thread.ofVirtual().name("loft-unix-conn-" + settings.name()).start(() -> serve(ch));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!s.isOpen()) {
                    return;
                }
                LOG.warn("listener {}: accept failed: {}", settings.name(), e.toString());
            }
        }
    }

    private void serve(SocketChannel ch) {
        SocketAddress local = UnixDomainSocketAddress.of(path);
        SocketAddress remote;
        byte[] leftover = null;
        try {
            remote = ch.getRemoteAddress();
            if (settings.haproxy()) {
                ProxyRead r = readProxyHeader(ch);
                if (r == null) {
                    return;
                }
                if (r.header().proxied()) {
                    remote = r.header().source();
                    local = r.header().destination();
                }
                leftover = r.rest();
            }
        } catch (IOException e) {
            LOG.debug("listener {}: connection failed before it started: {}", settings.name(), e.toString());
            closeQuietly(ch);
            return;
        }
        ListenerRuntime.Admission admission = runtime.admit(remote);
        if (admission == null) {
            closeQuietly(ch);
            return;
        }
        UnixConnection c = new UnixConnection(admission.id(), runtime, ch, remote, local);
        runtime.start(c, admission, true);
        try {
            if (leftover != null && leftover.length > 0) {
                c.received(leftover);
            }
            ByteBuffer buf = ByteBuffer.allocate(READ_BUFFER);
            while (true) {
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) {
                    c.inputEnded();
                    c.awaitClosed();
                    break;
                }
                if (n > 0) {
                    c.received(Arrays.copyOf(buf.array(), n));
                }
                c.awaitReadable();
            }
        } catch (IOException e) {
            if (!c.isClosing()) {
                LOG.debug("session {}: read failed: {}", c.id(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(ch);
            c.transportClosed();
        }
    }

    private record ProxyRead(ProxyHeader header, byte[] rest) {
    }

    private ProxyRead readProxyHeader(SocketChannel ch) throws IOException {
        ScheduledFuture<?> deadline;
        try {
            deadline = runtime.timer().schedule(() -> {
                LOG.warn("closing connection on listener {}: no PROXY protocol header within {} s", settings.name(),
                        settings.proxyHeaderTimeout().toMillis() / 1000.0);
                closeQuietly(ch);
            }, settings.proxyHeaderTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(ch);
            return null;
        }
        ProxyHeaderParser parser = new ProxyHeaderParser();
        ByteBuffer buf = ByteBuffer.allocate(READ_BUFFER);
        try {
            while (true) {
                if (ch.read(buf) < 0) {
                    closeQuietly(ch);
                    return null;
                }
                buf.flip();
                ProxyHeader header = parser.feed(buf);
                if (header != null) {
                    byte[] rest = new byte[buf.remaining()];
                    buf.get(rest);
                    return new ProxyRead(header, rest);
                }
                buf.clear();
            }
        } catch (ProxyHeaderException e) {
            LOG.warn("closing connection on listener {}: invalid PROXY protocol header: {}", settings.name(), e.getMessage());
            closeQuietly(ch);
            return null;
        } catch (ClosedChannelException e) {
            return null; // the deadline closed it
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public List<SocketAddress> boundAddresses() {
        return server == null ? List.of() : List.of(UnixDomainSocketAddress.of(path));
    }

    @Override
    public void stop() {
        runtime.stop();
        ServerSocketChannel s = server;
        server = null;
        if (s != null) {
            closeQuietly(s);
            try {
                if (acceptThread != null) {
                    acceptThread.join(5000);
                }
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("listener {}: cannot remove socket file {}: {}", settings.name(), path, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("listener {} closed", settings.name());
        }
        runtime.dispose();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
