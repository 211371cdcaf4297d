package org.loftmail.config.impl.project;

import java.util.Map;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Setting;

/**
 * The auth chains for the auth component (docs/configadmin.md): each top-level
 * {@code passdb { }} and {@code userdb { }} block, in the order written, as
 * {@code passdb.N.KEY} / {@code userdb.N.KEY} (N from 0) in {@code org.loftmail.settings},
 * next to the top-level {@code auth_*} settings the component reads from there too.
 */
final class AuthProjection {

    private final TopLevel top;

    AuthProjection(TopLevel top) {
        this.top = top;
    }

    /** Adds the chains to the settings map and returns it. */
    Map<String, Object> addTo(Map<String, Object> settings) {
        for (String kind : new String[] {"passdb", "userdb"}) {
            int n = 0;
            for (EffectiveSection block : top.root().sections(kind)) {
                String prefix = kind + "." + n++ + ".";
                settings.put(prefix + "driver", "");
                for (Setting s : block.settings().values()) {
                    settings.put(prefix + s.key(), s.value());
                }
            }
        }
        return settings;
    }
}
