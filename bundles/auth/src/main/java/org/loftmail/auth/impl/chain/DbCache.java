package org.loftmail.auth.impl.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.api.auth.DbResult;

/**
 * Dovecot's auth cache: what each database answered for a user, kept {@code auth_cache_ttl}
 * (found) or {@code auth_cache_negative_ttl} (not found), least recently used entries dropped
 * beyond {@code auth_cache_size} bytes (an estimate of the keys and values held). Temporary
 * failures are never cached. A size of 0 disables it. Thread-safe.
 */
public final class DbCache {

    private static final int ENTRY_OVERHEAD = 64;

    private final long maxBytes;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Entry(DbResult result, Instant expires, long size) {
    }

    public DbCache(long maxBytes, Duration ttl, Duration negativeTtl, Clock clock) {
        this.maxBytes = maxBytes;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.clock = clock;
    }

    public static DbCache disabled() {
        return new DbCache(0, Duration.ZERO, Duration.ZERO, Clock.systemUTC());
    }

    /** The cached answer, or null. */
    public synchronized DbResult get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!clock.instant().isBefore(e.expires)) {
            remove(key);
            return null;
        }
        return e.result;
    }

    public synchronized void put(String key, DbResult result) {
        Duration keep = result instanceof DbResult.Found ? ttl : result instanceof DbResult.NotFound ? negativeTtl : null;
        if (maxBytes <= 0 || keep == null || keep.isZero()) {
            return;
        }
        long size = ENTRY_OVERHEAD + 2L * key.length();
        if (result instanceof DbResult.Found f) {
            for (Map.Entry<String, String> e : f.fields().entrySet()) {
                size += 2L * (e.getKey().length() + e.getValue().length()) + 16;
            }
        }
        remove(key);
        entries.put(key, new Entry(result, clock.instant().plus(keep), size));
        bytes += size;
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().size;
            it.remove();
        }
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Forgets everything (e.g. {@code loftadm auth cache flush}). */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    private void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.size;
        }
    }
}
