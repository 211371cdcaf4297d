package org.loftmail.config.impl.project;

import java.util.Arrays;
import java.util.List;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Setting;
import org.loftmail.config.impl.validate.ValueCheck;

/** Top-level values as they take effect: written, else the built-in default. */
final class TopLevel {

    private final EffectiveSection root;
    private final Catalogue catalogue;

    TopLevel(EffectiveSection root, Catalogue catalogue) {
        this.root = root;
        this.catalogue = catalogue;
    }

    EffectiveSection root() {
        return root;
    }

    boolean isWritten(String key) {
        return root.setting(key) != null;
    }

    Setting setting(String key) {
        return root.setting(key);
    }

    String value(String key) {
        String v = root.value(key);
        if (v != null) {
            return v;
        }
        String d = catalogue.topDefault(key);
        return d == null ? "" : d;
    }

    boolean bool(String key) {
        return ValueCheck.isTrue(value(key));
    }

    int integer(String key, int fallback) {
        try {
            return Integer.parseInt(value(key).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    List<String> list(String key) {
        return split(value(key));
    }

    /** Dovecot's lists: words separated by blanks and/or commas. */
    static List<String> split(String value) {
        String v = value == null ? "" : value.trim();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("[,\\s]+"));
    }
}
