package org.loftmail.config.impl.osgi;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import org.loftmail.config.impl.project.Projection;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Makes ConfigAdmin hold exactly the configurations of a {@link Projection}: singletons updated
 * (only when they changed), one factory configuration per listener, and listener
 * configurations of an earlier run or reload that are no longer wanted deleted. Location "?"
 * lets any bundle bind them.
 */
final class ConfigAdminWriter {

    private static final String ANY_BUNDLE = "?";

    private final ConfigurationAdmin admin;

    ConfigAdminWriter(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    void write(Projection projection) throws IOException {
        for (Map.Entry<String, Map<String, Object>> e : projection.singletons().entrySet()) {
            admin.getConfiguration(e.getKey(), ANY_BUNDLE).updateIfDifferent(dictionary(e.getValue()));
        }
        Set<String> wanted = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> e : projection.listeners().entrySet()) {
            Configuration c = admin.getFactoryConfiguration(Projection.LISTENER_FACTORY_PID, e.getKey(), ANY_BUNDLE);
            c.updateIfDifferent(dictionary(e.getValue()));
            wanted.add(c.getPid());
        }
        for (Configuration old : listed("(&(service.factoryPid=" + Projection.LISTENER_FACTORY_PID + ")("
                + Projection.SOURCE + "=*))")) {
            if (!wanted.contains(old.getPid())) {
                old.delete();
            }
        }
    }

    private Configuration[] listed(String filter) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dictionary<String, Object> dictionary(Map<String, Object> map) {
        return new Hashtable<>(map);
    }
}
