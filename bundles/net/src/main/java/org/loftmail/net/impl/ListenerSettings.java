package org.loftmail.net.impl;

import java.time.Duration;
import java.util.List;

/**
 * A listener's configuration as plain values (built from {@link ListenerConfig} by the component,
 * or directly by tests).
 *
 * @param name                 listener name ({@code imaps}; the path for unix listeners)
 * @param service              service name, the scope of the connection limits
 * @param protocol             protocol served
 * @param unix                 a Unix-domain socket listener (else inet)
 * @param addresses            inet: addresses to bind
 * @param port                 inet: port (0 binds an ephemeral port; the component treats 0 as disabled)
 * @param path                 unix: socket path
 * @param mode                 unix: octal file mode, empty to leave as created
 * @param user                 unix: owner, empty to leave as is
 * @param group                unix: group, empty to leave as is
 * @param ssl                  implicit TLS
 * @param haproxy              expect a PROXY header
 * @param clientLimit          most connections of the service at once (0 = unlimited)
 * @param connectionLimitPerIp most connections of the service from one address (0 = unlimited)
 * @param idleTimeout          default idle timeout of new connections
 * @param proxyHeaderTimeout   how long to wait for the PROXY header
 */
public record ListenerSettings(String name, String service, String protocol, boolean unix, List<String> addresses,
                               int port, String path, String mode, String user, String group, boolean ssl,
                               boolean haproxy, int clientLimit, int connectionLimitPerIp, Duration idleTimeout,
                               Duration proxyHeaderTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_PROXY_HEADER_TIMEOUT = Duration.ofSeconds(5);

    public ListenerSettings {
        addresses = List.copyOf(addresses);
        path = path == null ? "" : path;
        mode = mode == null ? "" : mode;
        user = user == null ? "" : user;
        group = group == null ? "" : group;
    }

    /** An inet listener with defaults: no TLS, no PROXY header, no limits. */
    public static ListenerSettings inet(String name, String protocol, List<String> addresses, int port) {
        return new ListenerSettings(name, protocol, protocol, false, addresses, port, "", "", "", "", false, false,
                0, 0, DEFAULT_IDLE_TIMEOUT, DEFAULT_PROXY_HEADER_TIMEOUT);
    }

    /** A Unix socket listener with defaults. */
    public static ListenerSettings unix(String name, String protocol, String path, String mode) {
        return new ListenerSettings(name, protocol, protocol, true, List.of(), 0, path, mode, "", "", false, false,
                0, 0, DEFAULT_IDLE_TIMEOUT, DEFAULT_PROXY_HEADER_TIMEOUT);
    }

    public ListenerSettings withService(String s) {
        return new ListenerSettings(name, s, protocol, unix, addresses, port, path, mode, user, group, ssl, haproxy,
                clientLimit, connectionLimitPerIp, idleTimeout, proxyHeaderTimeout);
    }

    public ListenerSettings withSsl(boolean s) {
        return new ListenerSettings(name, service, protocol, unix, addresses, port, path, mode, user, group, s, haproxy,
                clientLimit, connectionLimitPerIp, idleTimeout, proxyHeaderTimeout);
    }

    public ListenerSettings withHaproxy(boolean h, Duration headerTimeout) {
        return new ListenerSettings(name, service, protocol, unix, addresses, port, path, mode, user, group, ssl, h,
                clientLimit, connectionLimitPerIp, idleTimeout, headerTimeout);
    }

    public ListenerSettings withLimits(int client, int perIp) {
        return new ListenerSettings(name, service, protocol, unix, addresses, port, path, mode, user, group, ssl,
                haproxy, client, perIp, idleTimeout, proxyHeaderTimeout);
    }

    public ListenerSettings withIdleTimeout(Duration d) {
        return new ListenerSettings(name, service, protocol, unix, addresses, port, path, mode, user, group, ssl,
                haproxy, clientLimit, connectionLimitPerIp, d, proxyHeaderTimeout);
    }

    public ListenerSettings withOwner(String u, String g) {
        return new ListenerSettings(name, service, protocol, unix, addresses, port, path, mode, u, g, ssl,
                haproxy, clientLimit, connectionLimitPerIp, idleTimeout, proxyHeaderTimeout);
    }
}
