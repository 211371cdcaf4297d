package org.loftmail.auth.impl.socket;

import java.util.concurrent.atomic.AtomicLong;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Dovecot's authentication client protocol, as Postfix speaks it with
 * {@code smtpd_sasl_type = dovecot}: served on the listeners of {@code service auth { }} (its
 * {@code unix_listener}s, e.g. {@code /var/spool/postfix/private/auth}); the {@code auth-userdb}
 * and {@code auth-master} sockets speak the master protocol for user lookups instead.
 */
@Component(service = Protocol.class, property = Protocol.PROTOCOL + "=auth")
public final class AuthSocketProtocol implements Protocol {

    /** Dovecot accepts AUTH lines with initial responses of this size. */
    static final int MAX_LINE = 65536;

    private final AuthService auth;
    private final AtomicLong connections = new AtomicLong();

    @Activate
    public AuthSocketProtocol(@Reference AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Framing framing() {
        return Framing.lines(MAX_LINE);
    }

    @Override
    public ProtocolSession open(Connection connection) {
        if (AuthMasterSession.isMasterSocket(connection.listenerName())) {
            return new AuthMasterSession(auth, connection);
        }
        return new AuthSocketSession(auth, connection, connections.incrementAndGet());
    }
}
