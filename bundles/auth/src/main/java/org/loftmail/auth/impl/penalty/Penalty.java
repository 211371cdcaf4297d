package org.loftmail.auth.impl.penalty;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dovecot's auth penalty: after failed logins from an address, its next attempts wait 2 s,
 * then 4 s, 8 s, capped at 15 s, before they are even looked at. A success from that address
 * clears it; an address forgotten after an hour without failures. Other addresses are never
 * slowed. Thread-safe; holds at most {@value #MAX_ADDRESSES} addresses (oldest dropped).
 */
public final class Penalty {

    static final Duration INITIAL = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofSeconds(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final Map<InetAddress, Record> failures = new LinkedHashMap<>(16, 0.75f, true);

    private record Record(int count, Instant last) {
    }

    public Penalty(Clock clock) {
        this.clock = clock;
    }

    /** How long the next attempt from {@code ip} must wait (zero for null, unknown or forgotten addresses). */
    public synchronized Duration delay(InetAddress ip) {
        Record r = ip == null ? null : failures.get(ip);
        if (r == null || clock.instant().isAfter(r.last.plus(FORGET_AFTER))) {
            return Duration.ZERO;
        }
        int shift = Math.min(r.count - 1, 4);
        Duration d = INITIAL.multipliedBy(1L << shift);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    public synchronized void failed(InetAddress ip) {
        if (ip == null) {
            return;
        }
        Record r = failures.get(ip);
        boolean fresh = r == null || clock.instant().isAfter(r.last.plus(FORGET_AFTER));
        failures.put(ip, new Record(fresh ? 1 : r.count + 1, clock.instant()));
        Iterator<InetAddress> it = failures.keySet().iterator();
        while (failures.size() > MAX_ADDRESSES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public synchronized void succeeded(InetAddress ip) {
        if (ip != null) {
            failures.remove(ip);
        }
    }
}
