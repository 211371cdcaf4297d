package org.loftmail.features.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void readsBundlesAndRequirements() throws Exception {
        Files.writeString(dir.resolve("fts-lucene.feature"), """
                # full-text search in an embedded Lucene index
                description = Lucene full-text search
                bundles = org.loftmail.fts-lucene, org.loftmail.fts
                requires = fts
                """);
        Feature feature = FeatureCatalogue.read(dir).find("fts_lucene").orElseThrow();
        assertEquals("fts-lucene", feature.name());
        assertEquals(List.of("org.loftmail.fts-lucene", "org.loftmail.fts"), feature.bundles());
        assertEquals(List.of("fts"), feature.requires());
    }

    @Test
    void unknownNameIsEmpty() throws Exception {
        assertTrue(FeatureCatalogue.read(dir).find("imap").isEmpty());
    }
}
