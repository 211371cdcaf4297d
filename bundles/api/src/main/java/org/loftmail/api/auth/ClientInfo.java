package org.loftmail.api.auth;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the auth service knows about the client asking to log in.
 *
 * @param service the protocol ({@code imap}, {@code pop3}, {@code lmtp}, {@code smtp}, ...), {@code %s}
 * @param remoteIp the client's address, {@code %r}; null when unknown (e.g. a Unix socket)
 * @param localIp the address the client connected to, {@code %l}; null when unknown
 * @param secure whether the connection is encrypted (TLS)
 * @param local whether the peer is on a loopback address or a Unix socket
 * @param sessionId the session's id for log lines, {@code %{session}}
 */
public record ClientInfo(String service, InetAddress remoteIp, InetAddress localIp, boolean secure, boolean local,
        String sessionId) {

    public ClientInfo {
        Objects.requireNonNull(service, "service");
        sessionId = sessionId == null ? "" : sessionId;
    }
}
