package org.loftmail.config.impl.osgi;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An in-memory ConfigurationAdmin with just what {@link ConfigAdminWriter} uses (made with
 * dynamic proxies, so the interfaces' other methods throw).
 */
final class FakeConfigurationAdmin {

    static final class Stored {
        final String pid;
        final String factoryPid;
        final String location;
        Dictionary<String, Object> properties;
        int updates;

        Stored(String pid, String factoryPid, String location) {
            this.pid = pid;
            this.factoryPid = factoryPid;
            this.location = location;
        }
    }

    final Map<String, Stored> store = new TreeMap<>();

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> configuration(store.computeIfAbsent((String) args[0],
                            pid -> new Stored(pid, null, (String) args[1])));
                    case "getFactoryConfiguration" -> configuration(store.computeIfAbsent(args[0] + "~" + args[1],
                            pid -> new Stored(pid, (String) args[0], (String) args[2])));
                    case "listConfigurations" -> list((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Understands only the writer's filter: factory PID and presence of loft.source. */
    private Configuration[] list(String filter) {
        List<Configuration> found = new ArrayList<>();
        for (Stored s : store.values()) {
            boolean factoryMatches = s.factoryPid != null && filter.contains("(service.factoryPid=" + s.factoryPid + ")");
            if (factoryMatches && s.properties != null && s.properties.get("loft.source") != null) {
                found.add(configuration(s));
            }
        }
        return found.isEmpty() ? null : found.toArray(Configuration[]::new);
    }

    private Configuration configuration(Stored s) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> s.pid;
                    case "getFactoryPid" -> s.factoryPid;
                    case "getBundleLocation" -> s.location;
                    case "getProperties" -> s.properties;
                    case "updateIfDifferent" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                        if (s.properties != null && same(s.properties, d)) {
                            yield false;
                        }
                        s.properties = new Hashtable<>(toMap(d));
                        s.updates++;
                        yield true;
                    }
                    case "delete" -> {
                        store.remove(s.pid);
                        yield null;
                    }
                    case "hashCode" -> s.pid.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> "Configuration " + s.pid;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static boolean same(Dictionary<String, Object> a, Dictionary<String, Object> b) {
        Map<String, Object> x = toMap(a);
        Map<String, Object> y = toMap(b);
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        for (String k : x.keySet()) {
            if (!java.util.Objects.deepEquals(x.get(k), y.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new TreeMap<>();
        for (var keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }
}
