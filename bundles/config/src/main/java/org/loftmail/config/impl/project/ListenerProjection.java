package org.loftmail.config.impl.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.validate.ValueCheck;

/**
 * One {@code org.loftmail.net.listener} configuration per enabled listener: the
 * {@code inet_listener}/{@code unix_listener} blocks of the services of the enabled protocols
 * (and of {@code service auth}, and {@code service doveadm} for {@code loftadm}), merged over
 * Dovecot's built-in listeners of the standard services.
 */
final class ListenerProjection {

    /** Protocol name -> the service whose listeners serve it, for the protocols Dovecot ships. */
    private static final Map<String, String> STANDARD = Map.of(
            "imap", "imap-login", "pop3", "pop3-login", "lmtp", "lmtp", "sieve", "managesieve-login");

    private final TopLevel top;
    private final Catalogue catalogue;
    private final Environment environment;

    ListenerProjection(TopLevel top, Catalogue catalogue, Environment environment) {
        this.top = top;
        this.catalogue = catalogue;
        this.environment = environment;
    }

    Map<String, Map<String, Object>> project() {
        Map<String, Map<String, Object>> listeners = new LinkedHashMap<>();
        for (String service : enabledServices()) {
            EffectiveSection configured = top.root().find("service", service).orElse(null);
            boolean standard = STANDARD.containsValue(service) || service.equals("doveadm");
            if (configured == null && !standard) {
                continue;
            }
            for (Listener l : listenersOf(service, configured, standard)) {
                Map<String, Object> props = properties(service, configured, l);
                if (props != null) {
                    listeners.put(uniqueId(listeners, service + "-" + l.name()), props);
                }
            }
        }
        return listeners;
    }

    /**
     * The services to open, in order: the enabled protocols', then {@code auth} and
     * {@code doveadm} (its built-in {@code doveadm-server} socket serves {@code loftadm}).
     */
    Set<String> enabledServices() {
        Set<String> services = new LinkedHashSet<>();
        for (String protocol : top.list("protocols")) {
            if (protocol.equals("none")) {
                continue;
            }
            String standard = STANDARD.get(protocol);
            if (standard != null) {
                services.add(standard);
            } else {
                services.add(protocol + "-login");
                services.add(protocol);
            }
        }
        services.add("auth");
        services.add("doveadm");
        return services;
    }

    static String protocolOf(String service) {
        if (service.equals("managesieve-login")) {
            return "sieve";
        }
        return service.endsWith("-login") ? service.substring(0, service.length() - "-login".length()) : service;
    }

    private record Listener(String type, String name, EffectiveSection configured, String instancePath) {
    }

    private List<Listener> listenersOf(String service, EffectiveSection configured, boolean standard) {
        String servicePath = "service " + service;
        List<Listener> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (standard) {
            for (String type : List.of("inet_listener", "unix_listener")) {
                for (String name : catalogue.defaultChildren(servicePath, type)) {
                    EffectiveSection c = configured == null ? null : configured.find(type, name).orElse(null);
                    result.add(new Listener(type, name, c, servicePath + " > " + type + " " + name));
                    seen.add(type + " " + name);
                }
            }
        }
        if (configured != null) {
            for (EffectiveSection c : configured.sections()) {
                boolean listener = c.type().equals("inet_listener") || c.type().equals("unix_listener");
                if (listener && !seen.contains(c.type() + " " + c.name())) {
                    String name = c.name() == null ? service : c.name();
                    String instance = c.name() == null ? null : servicePath + " > " + c.type() + " " + c.name();
                    result.add(new Listener(c.type(), name, c, instance));
                }
            }
        }
        return result;
    }

    private Map<String, Object> properties(String service, EffectiveSection configured, Listener l) {
        boolean inet = l.type().equals("inet_listener");
        String typePath = "service > " + l.type();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", l.name());
        p.put("service", service);
        String protocol = protocolOf(service);
        p.put("protocol", protocol);
        p.put("protocol.target", "(protocol=" + protocol + ")");
        p.put("type", inet ? "inet" : "unix");
        if (inet) {
            int port = parseInt(value(l, typePath, "port"), 0);
            if (port == 0) {
                return null;
            }
            String address = value(l, typePath, "address");
            List<String> addresses = TopLevel.split(address.isBlank() ? top.value("listen") : address);
            p.put("address", addresses.toArray(String[]::new));
            p.put("port", port);
            p.put("ssl", ValueCheck.isTrue(value(l, typePath, "ssl")));
            p.put("haproxy", ValueCheck.isTrue(value(l, typePath, "haproxy")));
        } else {
            p.put("path", baseDir().resolve(l.name()).normalize().toString());
            p.put("mode", value(l, typePath, "mode"));
            p.put("user", written(l, "user"));
            p.put("group", written(l, "group"));
            p.put("ssl", false);
            p.put("haproxy", false);
        }
        String clientLimit = configured == null ? null : configured.value("client_limit");
        int limit = parseInt(clientLimit, 0);
        p.put("client_limit", limit > 0 ? limit : top.integer("default_client_limit", 1000));
        p.put("connection_limit_per_ip", top.integer("loft_connection_limit_per_ip", 100));
        p.put(Projection.SOURCE, environment.source().toString());
        return p;
    }

    /** Written in the listener block, else the built-in listener's value, else the type's default. */
    private String value(Listener l, String typePath, String key) {
        String v = l.configured() == null ? null : l.configured().value(key);
        if (v == null) {
            v = catalogue.defaultValue(typePath, l.instancePath(), key);
        }
        return v == null ? "" : v.trim();
    }

    /**
     * Socket owner: only as written by the operator. Dovecot's built-in owners
     * ({@code $default_internal_user}) name system users Loft does not run as.
     */
    private static String written(Listener l, String key) {
        String v = l.configured() == null ? null : l.configured().value(key);
        return v == null ? "" : v.trim();
    }

    Path baseDir() {
        if (top.isWritten("base_dir")) {
            return Path.of(top.value("base_dir"));
        }
        if (environment.runDir() != null) {
            return environment.runDir();
        }
        return Path.of(Optional.ofNullable(catalogue.topDefault("base_dir")).orElse("/run/dovecot"));
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String uniqueId(Map<String, ?> taken, String wanted) {
        String base = wanted.replaceAll("[^A-Za-z0-9._-]", "_");
        String id = base;
        for (int i = 2; taken.containsKey(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }
}
