package org.loftmail.features.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which feature names the configuration asks for: every name in {@code protocols}, in the
 * global {@code mail_plugins}, and in {@code mail_plugins} inside {@code protocol X { }} of an
 * enabled protocol.
 */
final class FeatureSelection {

    private FeatureSelection() {
    }

    static Set<String> namesIn(Map<String, Object> properties) {
        List<String> protocols = strings(properties.get("protocols"));
        Set<String> names = new LinkedHashSet<>();
        for (String protocol : protocols) {
            if (!protocol.equals("none")) {
                names.add(protocol);
            }
        }
        names.addAll(strings(properties.get("mail_plugins")));
        for (String protocol : protocols) {
            names.addAll(strings(properties.get("protocol." + protocol + ".mail_plugins")));
        }
        return names;
    }

    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof String[] array) {
            for (String s : array) {
                result.addAll(split(s));
            }
        } else if (value instanceof Iterable<?> iterable) {
            for (Object o : iterable) {
                result.addAll(split(String.valueOf(o)));
            }
        } else if (value != null) {
            result.addAll(split(value.toString()));
        }
        return result;
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("[,\\s]+"));
    }
}
