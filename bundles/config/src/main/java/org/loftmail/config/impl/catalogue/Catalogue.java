package org.loftmail.config.impl.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting Loft accepts: Dovecot 2.3's (generated from doveconf, see
 * {@code src/build/make-settings-catalogue.sh}) plus Loft's own, with types and defaults, and
 * Dovecot's built-in default sections ({@code service imap-login { inet_listener imap { port =
 * 143 } }}).
 */
public final class Catalogue {

    public static final String TOP = ".";
    static final String RESOURCES = "/org/loftmail/config/impl/";
    static final String DOVECOT = "dovecot-2.3-settings.txt";
    static final String LOFT = "loft-settings.txt";

    /** path -> key -> definition. */
    private final Map<String, Map<String, SettingDef>> settings = new LinkedHashMap<>();
    /** instance path ({@code service imap-login > inet_listener imap}) -> key -> default. */
    private final Map<String, Map<String, String>> defaultSections = new LinkedHashMap<>();

    private static volatile Catalogue standard;

    /** The catalogue shipped in this bundle (read once). */
    public static Catalogue standard() {
        Catalogue c = standard;
        if (c == null) {
            c = new Catalogue();
            c.read(DOVECOT, false);
            c.read(LOFT, true);
            standard = c;
        }
        return c;
    }

    private void read(String resource, boolean loft) {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the config bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "setting" -> settings.computeIfAbsent(f[1], p -> new LinkedHashMap<>())
                            .put(f[2], new SettingDef(f[1], f[2], SettingType.parse(f[3]), f[4], loft));
                    case "check" -> {
                        SettingDef old = find(f[1], f[2]).orElseThrow(() -> new IllegalStateException(
                                resource + ": 'check' names unknown setting " + f[2]));
                        settings.get(f[1]).put(f[2], new SettingDef(f[1], f[2], SettingType.parse(f[3]),
                                old.defaultValue(), old.loft()));
                    }
                    case "default" -> defaultSections.computeIfAbsent(f[1], p -> new LinkedHashMap<>()).put(f[2], f[3]);
                    default -> throw new IllegalStateException(resource + ": unknown row " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<SettingDef> find(String path, String key) {
        Map<String, SettingDef> keys = settings.get(path);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(key));
    }

    /** The setting names valid in a section type path. */
    public Set<String> keys(String path) {
        return settings.getOrDefault(path, Map.of()).keySet();
    }

    /** The section type paths in which {@code key} is a setting. */
    public List<String> pathsOf(String key) {
        List<String> paths = new ArrayList<>();
        settings.forEach((path, keys) -> {
            if (keys.containsKey(key)) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** Built-in default of a top-level setting, or null when there is no such setting. */
    public String topDefault(String key) {
        return find(TOP, key).map(SettingDef::defaultValue).orElse(null);
    }

    /** The built-in values of a default section ({@code service imap-login}); empty when there is none. */
    public Map<String, String> defaultSection(String instancePath) {
        return defaultSections.getOrDefault(instancePath, Map.of());
    }

    /**
     * The names of the built-in sections of {@code type} directly inside the default section
     * {@code parentInstancePath}, in catalogue order ({@code imap}, {@code imaps}).
     */
    public List<String> defaultChildren(String parentInstancePath, String type) {
        String prefix = parentInstancePath + " > " + type + " ";
        List<String> names = new ArrayList<>();
        for (String path : defaultSections.keySet()) {
            if (path.startsWith(prefix) && !path.substring(prefix.length()).contains(" > ")) {
                names.add(path.substring(prefix.length()));
            }
        }
        return names;
    }

    /** Built-in value of {@code key} in the section {@code instancePath} of type {@code typePath}. */
    public String defaultValue(String typePath, String instancePath, String key) {
        String value = instancePath == null ? null : defaultSection(instancePath).get(key);
        if (value != null) {
            return value;
        }
        return find(typePath, key).map(SettingDef::defaultValue).orElse(null);
    }
}
