package org.loftmail.net.impl;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLEngine;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.loftmail.net.impl.tls.ServerTls;

/**
 * MINA's SslFilter with our engine settings: protocols, suites and cipher order from
 * {@link ServerTls}, and no peer host name (the stock filter resolves it, a DNS lookup on the IO
 * thread).
 */
final class LoftSslFilter extends SslFilter {

    static final String NAME = "ssl";

    private final ServerTls tls;

    LoftSslFilter(ServerTls tls) {
        super(tls.context());
        this.tls = tls;
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
        return tls.newServerEngine();
    }
}
