package org.loftmail.features.impl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The features in a folder: one {@code NAME.feature} file each, in properties syntax:
 * <pre>
 * description = IMAP4rev1 server
 * bundles = org.loftmail.imap
 * requires = storage
 * </pre>
 */
final class FeatureCatalogue {

    private final Map<String, Feature> features;

    private FeatureCatalogue(Map<String, Feature> features) {
        this.features = features;
    }

    static FeatureCatalogue read(Path dir) throws IOException {
        Map<String, Feature> features = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".feature")).sorted().toList()) {
                    Feature feature = parse(file);
                    features.put(feature.name(), feature);
                }
            }
        }
        return new FeatureCatalogue(features);
    }

    private static Feature parse(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".feature".length());
        return new Feature(name, p.getProperty("description", ""), list(p.getProperty("bundles")),
                list(p.getProperty("requires")));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The feature for a configured name; Dovecot's {@code fts_lucene} also finds {@code fts-lucene}. */
    Optional<Feature> find(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            feature = features.get(name.replace('_', '-'));
        }
        return Optional.ofNullable(feature);
    }
}
