package org.loftmail.imap.impl;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.event.MailboxListener;
import org.loftmail.imap.impl.decode.CommandDecoder;
import org.loftmail.imap.impl.decode.CommandTable;
import org.loftmail.imap.impl.process.CommandDispatch;
import org.loftmail.imap.impl.session.ImapServices;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.ImapSettings;
import org.loftmail.imap.impl.session.SessionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.loftmail.api.storage.quota.QuotaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imap protocol: served on every listener whose protocol is {@code imap} ({@code imap},
 * {@code imaps}), over the auth and storage services. Its sessions hear about new mail through
 * the bundle's {@link ImapEventRelay}. Settings come from {@code org.loftmail.settings}.
 */
@Component(service = Protocol.class, property = Protocol.PROTOCOL + "=imap",
        configurationPid = "org.loftmail.settings", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ImapProtocol implements Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(ImapProtocol.class);

    private final AuthService auth;
    private final MailStorage storage;
    private final SessionRegistry registry;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-timer").daemon().factory());
    private final CommandDecoder decoder = new CommandDecoder(CommandTable.standard());
    private final CommandDispatch dispatch = new CommandDispatch();
    private volatile ImapServices services;
    private volatile QuotaService quota;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindQuota(QuotaService q) {
        quota = q;
    }

    void unbindQuota(QuotaService q) {
        if (quota == q) {
            quota = null;
        }
    }

    @Activate
    public ImapProtocol(@Reference AuthService auth, @Reference MailStorage storage,
            @Reference(target = "(component.name=org.loftmail.imap.impl.ImapEventRelay)") MailboxListener relay,
            Map<String, Object> props) {
        this.auth = auth;
        this.storage = storage;
        this.registry = ((ImapEventRelay) relay).registry();
        configure(props);
    }

    @Modified
    void configure(Map<String, Object> props) {
        ImapSettings settings;
        try {
            settings = ImapSettings.of(props);
        } catch (IllegalArgumentException e) {
            LOG.error("imap settings are invalid, using the previous ones: {}", e.getMessage());
            if (services != null) {
                return;
            }
            settings = ImapSettings.defaults();
        }
        services = new ImapServices(auth, storage, settings, registry, timer, () -> quota);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public Framing framing() {
        return Framing.linesWithLiterals(services.settings().maxLineLength());
    }

    @Override
    public ProtocolSession open(Connection connection) {
        return new ImapSession(connection, services, decoder, dispatch);
    }
}
