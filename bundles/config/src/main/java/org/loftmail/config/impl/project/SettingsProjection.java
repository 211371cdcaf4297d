package org.loftmail.config.impl.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Setting;

/**
 * The {@code org.loftmail.settings} configuration: every top-level setting as written, plus
 * {@code protocol.<name>.<key>} and {@code plugin.<key>}.
 */
final class SettingsProjection {

    /** Private keys stay in their files: ConfigAdmin persists what it is given. */
    private static final Set<String> SECRET_FILES = Set.of("ssl_key", "ssl_alt_key", "ssl_client_key");

    private final TopLevel top;
    private final Environment environment;

    SettingsProjection(TopLevel top, Environment environment) {
        this.top = top;
        this.environment = environment;
    }

    Map<String, Object> project() {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "", top.root());
        for (EffectiveSection protocol : top.root().sections("protocol")) {
            if (protocol.name() != null) {
                put(p, "protocol." + protocol.name() + ".", protocol);
            }
        }
        for (EffectiveSection plugin : top.root().sections("plugin")) {
            put(p, "plugin.", plugin);
        }
        p.put(Projection.SOURCE, environment.source().toString());
        return p;
    }

    private static void put(Map<String, Object> p, String prefix, EffectiveSection section) {
        for (Setting s : section.settings().values()) {
            p.put(prefix + s.key(), s.fromFile() && SECRET_FILES.contains(s.key()) ? s.written() : s.value());
        }
    }
}
