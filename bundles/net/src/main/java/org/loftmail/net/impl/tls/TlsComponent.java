package org.loftmail.net.impl.tls;

import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * TLS for this bundle's listeners, configured by PID {@code org.loftmail.net.tls}. Runs without a
 * configuration too (ssl = yes with a self-signed certificate). A changed configuration swaps
 * the certificate in place: listeners keep running.
 *
 * <p>The {@link TlsContextProvider} service is registered by hand, without properties: a DS
 * service would publish the configuration (ssl_key_password, an inline ssl_key) as service
 * properties for anyone to read.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.loftmail.net.impl.tls.TlsContextProvider")
@Component(service = {}, immediate = true, configurationPid = TlsComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TlsConfig.class)
public final class TlsComponent implements TlsContextProvider {

    public static final String PID = "org.loftmail.net.tls";
    static final String STATE_PROPERTY = "loft.state";
    static final String DEFAULT_STATE_DIR = "/var/lib/loft";

    private volatile TlsManager manager;
    private ServiceRegistration<TlsContextProvider> registration;

    @Activate
    void activate(TlsConfig config, BundleContext context) {
        manager = start(config, context);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_DESCRIPTION, "Loft TLS contexts (internal to org.loftmail.net)");
        registration = context.registerService(TlsContextProvider.class, this, props);
    }

    @Modified
    void modified(TlsConfig config, BundleContext context) {
        TlsManager old = manager;
        manager = start(config, context);
        if (old != null) {
            old.close();
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        TlsManager m = manager;
        manager = null;
        if (m != null) {
            m.close();
        }
    }

    private static TlsManager start(TlsConfig c, BundleContext context) {
        TlsManager m = new TlsManager(settings(c, context == null ? null : context.getProperty(STATE_PROPERTY)));
        m.start();
        return m;
    }

    /** The configuration as plain settings; {@code frameworkStateDir} is the {@code loft.state} property. */
    static TlsSettings settings(TlsConfig c, String frameworkStateDir) {
        String state = !c.state__dir().isBlank() ? c.state__dir()
                : frameworkStateDir != null && !frameworkStateDir.isBlank() ? frameworkStateDir : DEFAULT_STATE_DIR;
        return new TlsSettings(c.ssl(), c.ssl__cert__path(), c.ssl__key__path(), c.ssl__ca__path(), c.ssl__cert(),
                c.ssl__key(), c.ssl__ca(), c.ssl__key__password(), c.ssl__min__protocol(), c.ssl__cipher__list(),
                c.ssl__cipher__suites(), c.ssl__prefer__server__ciphers(), Path.of(state), null);
    }

    @Override
    public ServerTls current() {
        TlsManager m = manager;
        return m == null ? null : m.current();
    }

    @Override
    public boolean disabled() {
        TlsManager m = manager;
        return m != null && m.disabled();
    }
}
