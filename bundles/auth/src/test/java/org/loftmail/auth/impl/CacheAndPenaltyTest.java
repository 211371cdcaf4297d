package org.loftmail.auth.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthResult;

/** The auth cache spares the databases; the penalty slows repeated failures from one address only. */
class CacheAndPenaltyTest {

    private final Fixture f = new Fixture();

    @Test
    void cachedLookupsDoNotReachTheDatabaseUntilTheTtlPasses() {
        f.set("auth_cache_size", "10M").set("auth_cache_ttl", "1 hour").set("auth_cache_negative_ttl", "5 mins")
                .user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        assertInstanceOf(AuthResult.Success.class, e.authenticate("bob", "pw", Fixture.tls("203.0.113.5")));
        assertInstanceOf(AuthResult.Success.class, e.authenticate("bob", "pw", Fixture.tls("203.0.113.5")));
        assertEquals(1, f.lookups.get());
        f.clock.advance(Duration.ofMinutes(61));
        e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"));
        assertEquals(2, f.lookups.get());
    }

    @Test
    void aChangedPasswordWorksAtOnceDespiteTheCache() {
        f.set("auth_cache_size", "10M").user("users", "bob", "password", "{PLAIN}old").passdb("table", "users")
                .userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        assertInstanceOf(AuthResult.Success.class, e.authenticate("bob", "old", Fixture.tls("203.0.113.5")));
        f.user("users", "bob", "password", "{PLAIN}new");
        assertInstanceOf(AuthResult.Success.class, e.authenticate("bob", "new", Fixture.tls("203.0.113.5")));
        assertInstanceOf(AuthResult.Failure.class, e.authenticate("bob", "old", Fixture.tls("203.0.113.5")));
        assertEquals(3, f.lookups.get());
    }

    @Test
    void unknownUsersAreCachedForTheNegativeTtl() {
        f.set("auth_cache_size", "1M").set("auth_cache_negative_ttl", "5 mins")
                .passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        e.authenticate("ghost", "x", Fixture.tls("203.0.113.5"));
        e.authenticate("ghost", "x", Fixture.tls("203.0.113.6"));
        assertEquals(1, f.lookups.get());
        f.clock.advance(Duration.ofMinutes(6));
        e.authenticate("ghost", "x", Fixture.tls("203.0.113.7"));
        assertEquals(2, f.lookups.get());
    }

    @Test
    void withoutACacheEveryLoginAsksTheDatabase() {
        f.user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"));
        e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"));
        assertEquals(2, f.lookups.get());
    }

    @Test
    void temporaryFailuresAreNotCached() {
        f.set("auth_cache_size", "1M").user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users")
                .userdb("static", "home=/h/%n");
        f.down.put("users", true);
        AuthEngine e = f.engine();
        e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"));
        f.down.put("users", false);
        assertInstanceOf(AuthResult.Success.class, e.authenticate("bob", "pw", Fixture.tls("203.0.113.5")));
    }

    @Test
    void repeatedFailuresFromOneAddressAreDelayedDoublingUpTo15Seconds() {
        f.user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        long[] waited = new long[6];
        for (int i = 0; i < 6; i++) {
            f.sleeps.clear();
            e.authenticate("bob", "wrong", Fixture.tls("198.51.100.7"));
            waited[i] = f.sleeps.stream().mapToLong(Duration::toMillis).sum();
        }
        // penalty before the attempt (0, 2, 4, 8, 15, 15 s) + auth_failure_delay (2 s) after it
        assertEquals(List.of(2000L, 4000L, 6000L, 10000L, 17000L, 17000L),
                java.util.Arrays.stream(waited).boxed().toList());
        assertTrue(waited[4] >= 4 * waited[0]);

        f.sleeps.clear();
        assertInstanceOf(AuthResult.Success.class, e.authenticate("bob", "pw", Fixture.tls("198.51.100.8")));
        assertEquals(0, f.sleeps.stream().mapToLong(Duration::toMillis).sum(), "another address is not slowed");
    }

    @Test
    void aSuccessClearsThePenaltyAndAnHourForgetsIt() {
        f.user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        e.authenticate("bob", "wrong", Fixture.tls("198.51.100.7"));
        e.authenticate("bob", "wrong", Fixture.tls("198.51.100.7"));
        e.authenticate("bob", "pw", Fixture.tls("198.51.100.7"));
        f.sleeps.clear();
        e.authenticate("bob", "pw", Fixture.tls("198.51.100.7"));
        assertEquals(List.of(Duration.ZERO), f.sleeps);
        e.authenticate("bob", "wrong", Fixture.tls("198.51.100.9"));
        f.clock.advance(Duration.ofMinutes(61));
        f.sleeps.clear();
        e.authenticate("bob", "pw", Fixture.tls("198.51.100.9"));
        assertEquals(List.of(Duration.ZERO), f.sleeps);
    }

    @Test
    void temporaryFailuresAreNotPenalized() {
        f.passdb("table", "users").userdb("static", "home=/h/%n");
        f.down.put("users", true);
        AuthEngine e = f.engine();
        e.authenticate("bob", "pw", Fixture.tls("198.51.100.7"));
        e.authenticate("bob", "pw", Fixture.tls("198.51.100.7"));
        assertEquals(0, f.sleeps.stream().mapToLong(Duration::toMillis).sum());
    }
}
