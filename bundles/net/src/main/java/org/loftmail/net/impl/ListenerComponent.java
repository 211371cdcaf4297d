package org.loftmail.net.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.net.impl.tls.TlsContextProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener per configuration of factory PID {@code org.loftmail.net.listener}. Binds its
 * sockets on activation, serves the {@link Protocol} its {@code protocol.target} selects the
 * moment one is registered, refuses connections while there is none.
 */
@Component(service = {}, configurationPid = ListenerComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ListenerConfig.class, factory = true)
public final class ListenerComponent {

    public static final String PID = "org.loftmail.net.listener";
    /** Framework property: directory for spooled literals (default java.io.tmpdir). */
    static final String SPOOL_PROPERTY = "loft.tmp";

    private static final Logger LOG = LoggerFactory.getLogger(ListenerComponent.class);

    @Reference
    private TlsContextProvider tls;

    private final Object lock = new Object();
    private Protocol protocol;
    private Map<String, Object> protocolProperties = Map.of();
    private ListenerRuntime runtime;
    private Listener listener;
    private ListenerSettings settings;

    public ListenerComponent() {
    }

    /** For tests: a component outside OSGi. */
    ListenerComponent(TlsContextProvider tls) {
        this.tls = tls;
    }

    @Reference(name = "protocol", service = Protocol.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindProtocol(Protocol p, Map<String, Object> properties) {
        synchronized (lock) {
            protocol = p;
            protocolProperties = properties;
            if (runtime != null && matches(properties)) {
                runtime.protocolAdded(p);
            }
        }
    }

    void unbindProtocol(Protocol p) {
        synchronized (lock) {
            if (protocol == p) {
                protocol = null;
            }
            if (runtime != null) {
                runtime.protocolRemoved(p);
            }
        }
    }

    @Activate
    void activate(ListenerConfig config, BundleContext context) throws IOException {
        ListenerSettings s = settings(config);
        settings = s;
        if (!s.unix() && s.port() == 0) {
            LOG.info("listener {} ({}): port 0, not listening", s.name(), s.service());
            return;
        }
        if (s.unix() && s.path().isBlank()) {
            throw new IllegalArgumentException("unix listener " + s.name() + " has no path");
        }
        if (s.ssl() && !s.unix() && tls.disabled()) {
            String message = "listener " + s.name() + " has ssl = yes but TLS is switched off (ssl = no): not starting";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
        String spool = context == null ? null : context.getProperty(SPOOL_PROPERTY);
        ListenerRuntime rt = new ListenerRuntime(s, ConnectionLimiter.forService(s.service()),
                Path.of(spool == null || spool.isBlank() ? System.getProperty("java.io.tmpdir") : spool));
        Listener l = s.unix() ? new UnixListener(rt) : new TcpListener(rt, tls);
        synchronized (lock) {
            runtime = rt;
            if (protocol != null && matches(protocolProperties)) {
                rt.protocolAdded(protocol);
            }
        }
        try {
            l.start();
        } catch (IOException | RuntimeException e) {
            LOG.error("listener {} cannot start: {}", s.name(), e.getMessage());
            synchronized (lock) {
                runtime = null;
            }
            l.stop();
            throw e;
        }
        listener = l;
        if (rt.protocolMissing()) {
            LOG.info("listener {}: protocol {} is not running yet; connections are refused until a bundle provides it",
                    s.name(), s.protocol());
        }
    }

    @Deactivate
    void deactivate() {
        Listener l = listener;
        listener = null;
        synchronized (lock) {
            runtime = null;
        }
        if (l != null) {
            l.stop();
        }
    }

    /** The running listener, or null (port 0, or not active). */
    Listener listener() {
        return listener;
    }

    private boolean matches(Map<String, Object> properties) {
        Object name = properties.get(Protocol.PROTOCOL);
        if (settings == null || settings.protocol().isBlank() || settings.protocol().equals(String.valueOf(name))) {
            return true;
        }
        LOG.warn("listener {}: ignoring the Protocol service for '{}': it serves protocol {} (check protocol.target)",
                settings.name(), name, settings.protocol());
        return false;
    }

    static ListenerSettings settings(ListenerConfig c) {
        boolean unix = "unix".equalsIgnoreCase(c.type().trim());
        String name = !c.name().isBlank() ? c.name() : unix ? c.path() : c.protocol() + ":" + c.port();
        String service = !c.service().isBlank() ? c.service() : !c.protocol().isBlank() ? c.protocol() : name;
        return new ListenerSettings(name, service, c.protocol(), unix, List.of(c.address()), c.port(), c.path(), c.mode(),
                c.user(), c.group(), c.ssl(), c.haproxy(), c.client__limit(), c.connection__limit__per__ip(),
                ListenerSettings.DEFAULT_IDLE_TIMEOUT, ListenerSettings.DEFAULT_PROXY_HEADER_TIMEOUT);
    }
}
