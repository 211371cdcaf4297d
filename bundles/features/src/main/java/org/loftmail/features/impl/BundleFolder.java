package org.loftmail.features.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The folder of optional bundles, indexed by Bundle-SymbolicName. */
final class BundleFolder {

    private final Map<String, Path> bySymbolicName;

    private BundleFolder(Map<String, Path> bySymbolicName) {
        this.bySymbolicName = bySymbolicName;
    }

    static BundleFolder read(Path dir) throws IOException {
        Map<String, Path> index = new HashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    symbolicName(jar).ifPresent(name -> index.put(name, jar));
                }
            }
        }
        return new BundleFolder(index);
    }

    private static Optional<String> symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return value == null ? Optional.empty() : Optional.of(value.split(";")[0].trim());
        }
    }

    Optional<Path> find(String symbolicName) {
        return Optional.ofNullable(bySymbolicName.get(symbolicName));
    }
}
