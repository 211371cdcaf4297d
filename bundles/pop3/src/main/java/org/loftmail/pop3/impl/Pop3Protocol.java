package org.loftmail.pop3.impl;

import java.util.Map;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.pop3.impl.process.CommandDispatch;
import org.loftmail.pop3.impl.session.Pop3Services;
import org.loftmail.pop3.impl.session.Pop3Session;
import org.loftmail.pop3.impl.session.Pop3Settings;
import org.loftmail.pop3.impl.session.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pop3 protocol: served on every listener whose protocol is {@code pop3} ({@code pop3},
 * {@code pop3s}), over the auth and storage services. Settings come from
 * {@code org.loftmail.settings}; a change applies to sessions started after it.
 */
@Component(service = Protocol.class, property = Protocol.PROTOCOL + "=pop3",
        configurationPid = "org.loftmail.settings", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Pop3Protocol implements Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3Protocol.class);

    /**
     * Longest command line. RFC 1939 allows 255 octets of arguments and Dovecot reads 2048; SASL
     * responses can be longer, so Loft takes 8 KiB and answers a longer line with {@code -ERR}.
     */
    public static final int MAX_LINE_LENGTH = 8 * 1024;

    private final AuthService auth;
    private final MailStorage storage;
    private final SessionRegistry registry = new SessionRegistry();
    private final CommandDispatch dispatch = new CommandDispatch();
    private volatile Pop3Services services;

    @Activate
    public Pop3Protocol(@Reference AuthService auth, @Reference MailStorage storage, Map<String, Object> props) {
        this.auth = auth;
        this.storage = storage;
        configure(props);
    }

    @Modified
    void configure(Map<String, Object> props) {
        Pop3Settings settings;
        try {
            settings = Pop3Settings.of(props);
        } catch (IllegalArgumentException e) {
            LOG.error("pop3 settings are invalid, using the previous ones: {}", e.getMessage());
            if (services != null) {
                return;
            }
            settings = Pop3Settings.defaults();
        }
        services = new Pop3Services(auth, storage, settings, registry);
    }

    @Override
    public Framing framing() {
        return Framing.lines(MAX_LINE_LENGTH);
    }

    @Override
    public ProtocolSession open(Connection connection) {
        return new Pop3Session(connection, services, dispatch);
    }
}
