package org.loftmail.itests.echo;

import java.util.Hashtable;
import org.loftmail.api.protocol.Protocol;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the echo protocol under the name in the bundle's {@code Loft-Test-Protocol} header. */
public final class EchoActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        String name = context.getBundle().getHeaders().get("Loft-Test-Protocol");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Protocol.PROTOCOL, name == null ? "echo" : name);
        context.registerService(Protocol.class, new EchoProtocol(name), props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
