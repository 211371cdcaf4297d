package org.loftmail.config.impl.project;

import java.util.Map;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Setting;

/**
 * The namespaces for the storage core (docs/configadmin.md): each top-level
 * {@code namespace [NAME] { }} block as it takes effect (blocks of the same name written in
 * several files are one, as in Dovecot), numbered from 0 in the order first written, as
 * {@code namespace.N.name} and {@code namespace.N.KEY}; the {@code mailbox NAME { }} blocks inside
 * one as {@code namespace.N.mailbox.M.name} and {@code namespace.N.mailbox.M.KEY}.
 */
final class NamespaceProjection {

    private final TopLevel top;

    NamespaceProjection(TopLevel top) {
        this.top = top;
    }

    /** Adds the namespaces to the settings map and returns it. */
    Map<String, Object> addTo(Map<String, Object> settings) {
        int n = 0;
        for (EffectiveSection namespace : top.root().sections("namespace")) {
            String prefix = "namespace." + n++ + ".";
            put(settings, prefix, namespace);
            int m = 0;
            for (EffectiveSection mailbox : namespace.sections("mailbox")) {
                put(settings, prefix + "mailbox." + m++ + ".", mailbox);
            }
        }
        return settings;
    }

    private static void put(Map<String, Object> settings, String prefix, EffectiveSection section) {
        settings.put(prefix + "name", section.name() == null ? "" : section.name());
        for (Setting s : section.settings().values()) {
            settings.put(prefix + s.key(), s.value());
        }
    }
}
