package org.loftmail.config.impl.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dovecot settings that Loft accepts but has no use for, each with the reason (from
 * {@code no-effect-settings.txt}). A row names a section type path ({@code service}) or a
 * built-in section ({@code service anvil}), and a key or {@code *} for the whole section.
 */
public final class NoEffect {

    static final String RESOURCE = "/org/loftmail/config/impl/no-effect-settings.txt";

    private final Map<String, String> reasons = new HashMap<>();
    private static volatile NoEffect standard;

    public static NoEffect standard() {
        NoEffect n = standard;
        if (n == null) {
            n = new NoEffect();
            n.read();
            standard = n;
        }
        return n;
    }

    private void read() {
        try (InputStream in = NoEffect.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the config bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t+", 3);
                if (f.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": expected 'path<TAB>key<TAB>reason': " + line);
                }
                reasons.put(f[0] + "\t" + f[1], f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why {@code key} has no effect in a section (instance path checked before type path). */
    public Optional<String> reason(String typePath, String instancePath, String key) {
        if (instancePath != null) {
            String r = reasons.get(instancePath + "\t" + key);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.ofNullable(reasons.get(typePath + "\t" + key));
    }

    /** Why a whole section has no effect, if it has none. */
    public Optional<String> sectionReason(String typePath, String instancePath) {
        return reason(typePath, instancePath, "*");
    }
}
