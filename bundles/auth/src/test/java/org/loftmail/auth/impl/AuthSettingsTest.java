package org.loftmail.auth.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.auth.impl.chain.Rule;

class AuthSettingsTest {

    @Test
    void defaultsAreDovecots() {
        AuthSettings s = AuthSettings.of(Map.of());
        assertEquals(List.of("PLAIN"), s.mechanisms());
        assertEquals("%Lu", s.usernameFormat());
        assertTrue(s.disablePlaintext());
        assertEquals(0, s.cacheSize());
        assertEquals(Duration.ofHours(1), s.cacheTtl());
        assertEquals(Duration.ofSeconds(2), s.failureDelay());
        assertEquals(List.of(), s.passdbs());
    }

    @Test
    void readsTheChainsInOrderWithTheirRules() {
        AuthSettings s = AuthSettings.of(map(
                "auth_mechanisms", "plain login", "auth_cache_size", "10M", "auth_cache_ttl", "5 mins",
                "auth_cache_negative_ttl", "30 secs", "passdb.0.driver", "passwd-file", "passdb.0.args", "/etc/users",
                "passdb.0.result_failure", "return-fail", "passdb.1.driver", "sql", "passdb.1.deny", "yes",
                "userdb.0.driver", "static", "userdb.0.args", "uid=vmail"));
        assertEquals(List.of("PLAIN", "LOGIN"), s.mechanisms());
        assertEquals(10L << 20, s.cacheSize());
        assertEquals(Duration.ofMinutes(5), s.cacheTtl());
        assertEquals(Duration.ofSeconds(30), s.cacheNegativeTtl());
        assertEquals(2, s.passdbs().size());
        assertEquals("passwd-file", s.passdbs().get(0).driver());
        assertEquals(Rule.RETURN_FAIL, s.passdbs().get(0).resultFailure());
        assertEquals(Rule.RETURN_OK, s.passdbs().get(0).resultSuccess());
        assertTrue(s.passdbs().get(1).deny());
        assertEquals("uid=vmail", s.userdbs().get(0).args());
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void anUnknownRuleIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.of(Map.of("passdb.0.driver", "static",
                "passdb.0.result_success", "maybe")));
    }
}
