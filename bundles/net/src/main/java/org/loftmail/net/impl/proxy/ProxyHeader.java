package org.loftmail.net.impl.proxy;

import java.net.InetSocketAddress;

/**
 * A parsed HAProxy PROXY protocol header.
 *
 * @param version     1 (text) or 2 (binary)
 * @param source      the client's address, or null for {@code UNKNOWN} / {@code LOCAL} headers
 *                    (health checks of the proxy itself: use the connection's own addresses)
 * @param destination the address the client connected to on the proxy, or null
 */
public record ProxyHeader(int version, InetSocketAddress source, InetSocketAddress destination) {

    /** Whether the header carries the client's address. */
    public boolean proxied() {
        return source != null;
    }
}
