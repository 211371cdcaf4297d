package org.loftmail.config.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.catalogue.NoEffect;
import org.loftmail.config.impl.model.Problem;
import org.loftmail.config.impl.parse.FileAccess;

/** Small helpers to write configuration trees and load them. */
public final class TestFiles {

    /** Certificates and keys of the sample configurations live outside the test tree: serve fake PEM for them. */
    public static final FileAccess FAKE_SYSTEM_FILES = file -> {
        if (file.startsWith("/etc/") && !Files.exists(file)) {
            return "-----BEGIN FAKE-----\n" + file + "\n-----END FAKE-----\n";
        }
        return FileAccess.DISK.read(file);
    };

    /** The configuration Loft ships: bundles/config -> the repository's config/ directory. */
    public static final Path SHIPPED = Path.of("../../config/dovecot.conf").toAbsolutePath().normalize();

    private TestFiles() {
    }

    /** Writes {@code text} to {@code dir/name} (creating directories) and returns the path. */
    public static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadedConfig load(Path file) {
        return new ConfigLoader(Catalogue.standard(), NoEffect.standard(), FAKE_SYSTEM_FILES).load(file);
    }

    public static LoadedConfig loadText(Path dir, String text) {
        return load(write(dir, "dovecot.conf", text));
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problems as the CLI prints them, with the directory prefix removed for readable assertions. */
    public static List<String> lines(LoadedConfig config, Path dir) {
        return config.problems().stream().map(Problem::toString).map(s -> s.replace(dir + "/", "")).toList();
    }
}
