package org.loftmail.config.impl.project;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.config.impl.model.EffectiveSection;

/** The {@code org.loftmail.features} configuration: what protocols and mail plug-ins are asked for. */
final class FeaturesProjection {

    private final TopLevel top;
    private final Environment environment;

    FeaturesProjection(TopLevel top, Environment environment) {
        this.top = top;
        this.environment = environment;
    }

    Map<String, Object> project() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("protocols", top.list("protocols").toArray(String[]::new));
        p.put("mail_plugins", top.list("mail_plugins").toArray(String[]::new));
        for (EffectiveSection protocol : top.root().sections("protocol")) {
            String plugins = protocol.value("mail_plugins");
            if (plugins != null && protocol.name() != null) {
                p.put("protocol." + protocol.name() + ".mail_plugins", TopLevel.split(plugins).toArray(String[]::new));
            }
        }
        p.put(Projection.SOURCE, environment.source().toString());
        return p;
    }
}
