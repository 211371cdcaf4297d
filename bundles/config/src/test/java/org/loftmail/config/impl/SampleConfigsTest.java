package org.loftmail.config.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.config.impl.model.Problem;

/**
 * Whole configurations: the seed setup of DESIGN.md, a complete production configuration
 * (checked with the real doveconf -n when it was written), and the one Loft ships.
 */
class SampleConfigsTest {

    static final Path SHIPPED = TestFiles.SHIPPED;

    @Test
    void seedSetupHasNoErrors() {
        LoadedConfig c = TestFiles.load(TestFiles.resource("seed/dovecot.conf"));
        assertEquals(List.of(), c.errors());
        assertTrue(c.warnings().stream().map(Problem::message).anyMatch(m -> m.startsWith("mail_privileged_group has no effect")));
    }

    @Test
    void realisticConfigurationHasNoErrors() {
        LoadedConfig c = TestFiles.load(TestFiles.resource("realistic/dovecot.conf"));
        assertEquals(List.of(), c.errors());
        assertFalse(c.warnings().isEmpty(), "process limits, uids and the like are reported as having no effect");
        for (Problem w : c.warnings()) {
            assertTrue(w.location().line() > 0, w::toString);
        }
    }

    @Test
    void shippedConfigurationPassesCheckWithoutWarnings() {
        assertTrue(Files.isRegularFile(SHIPPED), SHIPPED.toString());
        LoadedConfig c = new ConfigLoader().load(SHIPPED);
        assertEquals(List.of(), c.problems());
    }
}
