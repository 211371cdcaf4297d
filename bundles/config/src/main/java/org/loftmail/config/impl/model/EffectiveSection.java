package org.loftmail.config.impl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A section as it takes effect: a setting written twice keeps its last value, and sections of
 * the same type and name written in several places (e.g. {@code service auth} in two files) are
 * one. {@code passdb}/{@code userdb} blocks and unnamed sections stay separate (they form chains).
 */
public final class EffectiveSection {

    private static final Set<String> NEVER_MERGED = Set.of("passdb", "userdb");

    private final String type;
    private final String name;
    private final Location location;
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final List<EffectiveSection> sections = new ArrayList<>();

    private EffectiveSection(String type, String name, Location location) {
        this.type = type;
        this.name = name;
        this.location = location;
    }

    public static EffectiveSection of(Section section) {
        EffectiveSection effective = new EffectiveSection(section.type(), section.name(), section.location());
        effective.merge(section);
        return effective;
    }

    private void merge(Section section) {
        for (Node child : section.children()) {
            if (child instanceof Setting s) {
                settings.remove(s.key());
                settings.put(s.key(), s);
            } else if (child instanceof Section sub) {
                EffectiveSection target = mergeable(sub) ? find(sub.type(), sub.name()).orElse(null) : null;
                if (target == null) {
                    target = new EffectiveSection(sub.type(), sub.name(), sub.location());
                    sections.add(target);
                }
                target.merge(sub);
            }
        }
    }

    private static boolean mergeable(Section s) {
        return !NEVER_MERGED.contains(s.type()) && (s.name() != null || s.type().equals("plugin") || s.type().equals("dict"));
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public Location location() {
        return location;
    }

    /** The settings written in this section, in first-written order, each with its last value. */
    public Map<String, Setting> settings() {
        return Collections.unmodifiableMap(settings);
    }

    public Setting setting(String key) {
        return settings.get(key);
    }

    /** The value written for {@code key}, or null when it was not written here. */
    public String value(String key) {
        Setting s = settings.get(key);
        return s == null ? null : s.value();
    }

    public List<EffectiveSection> sections() {
        return Collections.unmodifiableList(sections);
    }

    public List<EffectiveSection> sections(String sectionType) {
        return sections.stream().filter(s -> s.type.equals(sectionType)).toList();
    }

    public Optional<EffectiveSection> find(String sectionType, String sectionName) {
        return sections.stream()
                .filter(s -> s.type.equals(sectionType) && Objects.equals(s.name, sectionName))
                .findFirst();
    }
}
