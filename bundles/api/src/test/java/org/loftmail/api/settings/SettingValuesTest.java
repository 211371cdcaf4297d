package org.loftmail.api.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The value forms doveconf accepts for size, time and boolean settings. */
class SettingValuesTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1024, 1024", "100B, 100", "10k, 10240", "10 K, 10240", "64kB, 65536", "10M, 10485760",
        "10 MB, 10485760", "1G, 1073741824", "2t, 2199023255552"})
    void sizes(String value, long bytes) {
        assertEquals(bytes, SettingValues.size(value));
    }

    @ParameterizedTest
    @CsvSource({"30, PT30S", "30s, PT30S", "2 mins, PT2M", "5 minutes, PT5M", "1h, PT1H", "1 hour, PT1H",
        "1 day, PT24H", "1 week, PT168H", "100 ms, PT0.1S", "250 msecs, PT0.25S"})
    void times(String value, Duration time) {
        assertEquals(time, SettingValues.time(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "10x", "-1", "10 KBB", "1.5G", "99999999999999999999"})
    void badSizes(String value) {
        assertThrows(IllegalArgumentException.class, () -> SettingValues.size(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5 fortnights", "-3s"})
    void badTimes(String value) {
        assertThrows(IllegalArgumentException.class, () -> SettingValues.time(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "YES", "y", "1", "true", " Yes "})
    void yes(String value) {
        assertTrue(SettingValues.yes(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "n", "0", "false", "", "maybe"})
    void no(String value) {
        assertFalse(SettingValues.yes(value));
        assertFalse(SettingValues.yes(null));
    }
}
