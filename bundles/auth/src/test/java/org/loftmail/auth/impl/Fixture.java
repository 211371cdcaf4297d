package org.loftmail.auth.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.DbResult;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.penalty.Sleeper;
import org.loftmail.auth.impl.sasl.Mechanisms;
import org.loftmail.auth.impl.statik.StaticDriver;

/**
 * Builds engines the way the component does, with a {@code table} driver (users held in memory
 * by table name, args = the table name; a table can be switched "down") besides the real
 * {@code static} driver, a recording sleeper and a clock the test moves.
 */
final class Fixture {

    final Map<String, Map<String, Map<String, String>>> tables = new ConcurrentHashMap<>();
    final Map<String, Boolean> down = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();
    final List<Duration> sleeps = new ArrayList<>();
    final MovingClock clock = new MovingClock();
    final Penalty penalty = new Penalty(clock);
    final Map<String, Object> settings = new LinkedHashMap<>();
    Mechanisms mechanisms = Mechanisms.standard();

    Fixture user(String table, String user, String... fields) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            f.put(fields[i], fields[i + 1]);
        }
        tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(user, f);
        return this;
    }

    Fixture set(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    /** Adds a block: {@code passdb("table", "users", "deny", "yes")}. */
    Fixture passdb(String driver, String args, String... more) {
        return block("passdb", driver, args, more);
    }

    Fixture userdb(String driver, String args, String... more) {
        return block("userdb", driver, args, more);
    }

    private Fixture block(String kind, String driver, String args, String... more) {
        int n = 0;
        while (settings.containsKey(kind + "." + n + ".driver")) {
            n++;
        }
        settings.put(kind + "." + n + ".driver", driver);
        settings.put(kind + "." + n + ".args", args);
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(kind + "." + n + "." + more[i], more[i + 1]);
        }
        return this;
    }

    AuthEngine engine() {
        Map<String, AuthDriver> drivers = new HashMap<>();
        drivers.put("static", new StaticDriver());
        drivers.put("table", (kind, args) -> (AuthDb) request -> {
            lookups.incrementAndGet();
            if (down.getOrDefault(args, false)) {
                return new DbResult.Unavailable(args + " is down");
            }
            Map<String, String> f = tables.getOrDefault(args, Map.of()).get(request.user());
            return f == null ? new DbResult.NotFound() : new DbResult.Found(f);
        });
        Sleeper recording = d -> {
            synchronized (sleeps) {
                sleeps.add(d);
            }
        };
        return EngineBuilder.build(AuthSettings.of(settings), drivers, penalty, recording, mechanisms, clock).engine();
    }

    static ClientInfo from(String ip, boolean secure) {
        try {
            InetAddress a = InetAddress.getByName(ip);
            return new ClientInfo("imap", a, InetAddress.getByName("192.0.2.1"), secure, a.isLoopbackAddress(), "s1");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A TLS client from a public address. */
    static ClientInfo tls(String ip) {
        return from(ip, true);
    }

    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
