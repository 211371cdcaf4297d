package org.loftmail.auth.impl;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.penalty.Sleeper;
import org.loftmail.auth.impl.sasl.Mechanisms;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AuthService}, configured from {@code org.loftmail.settings}. Drivers come and go as
 * {@link AuthDriver} services ({@code driver=NAME}); a block whose driver is missing answers
 * temporary failures until it arrives. The failure penalty survives reconfiguration.
 */
@Component(service = AuthService.class, configurationPid = "org.loftmail.settings",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AuthComponent implements AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthComponent.class);

    private final Map<String, AuthDriver> drivers = new ConcurrentHashMap<>();
    private final Penalty penalty = new Penalty(Clock.systemUTC());
    private final Mechanisms mechanisms = Mechanisms.standard();
    private Map<String, ?> properties = Map.of();
    private List<AuthDb> opened = List.of();
    private volatile AuthEngine engine;

    /** Starts with Dovecot's defaults and empty chains, so calls never meet an unconfigured service. */
    public AuthComponent() {
        rebuild();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(AuthDriver driver, Map<String, Object> props) {
        Object name = props.get(AuthDriver.DRIVER);
        if (name != null) {
            drivers.put(name.toString(), driver);
            rebuild();
        }
    }

    void removeDriver(AuthDriver driver, Map<String, Object> props) {
        Object name = props.get(AuthDriver.DRIVER);
        if (name != null && drivers.remove(name.toString(), driver)) {
            rebuild();
        }
    }

    @Activate
    @Modified
    void configure(Map<String, Object> props) {
        synchronized (this) {
            properties = Map.copyOf(props);
        }
        rebuild();
    }

    @Deactivate
    synchronized void deactivate() {
        opened.forEach(AuthDb::close);
        opened = List.of();
    }

    private synchronized void rebuild() {
        AuthSettings settings;
        try {
            settings = AuthSettings.of(properties);
        } catch (IllegalArgumentException e) {
            LOG.error("auth configuration is invalid, keeping the previous one: {}", e.getMessage());
            return;
        }
        EngineBuilder built = EngineBuilder.build(settings, Map.copyOf(drivers), penalty, Sleeper.REAL, mechanisms,
                Clock.systemUTC());
        engine = built.engine();
        opened.forEach(AuthDb::close);
        opened = built.opened();
    }

    @Override
    public List<String> mechanisms(ClientInfo client) {
        return engine.mechanisms(client);
    }

    @Override
    public boolean plaintextAllowed(ClientInfo client) {
        return engine.plaintextAllowed(client);
    }

    @Override
    public SaslExchange startSasl(String mechanism, ClientInfo client) {
        return engine.startSasl(mechanism, client);
    }

    @Override
    public AuthResult authenticate(String user, String password, ClientInfo client) {
        return engine.authenticate(user, password, client);
    }

    @Override
    public UserLookup lookupUser(String user, ClientInfo client) {
        return engine.lookupUser(user, client);
    }
}
