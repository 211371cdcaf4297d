package org.loftmail.storage.core.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.StorageDriver;

/**
 * Shares one {@link SharedStore} per driver, user and location among sessions, by reference count.
 * A store whose last session ended stays open for {@link #LINGER} (at most {@link #MAX_IDLE} such
 * stores, the oldest closed first), so a client that reconnects, as mail clients do all day, finds
 * its mailboxes loaded instead of listing every folder again. Nothing goes stale meanwhile: each
 * mailbox operation still checks the driver's revision first.
 */
final class StoreRegistry {

    static final Duration LINGER = Duration.ofSeconds(60);
    static final int MAX_IDLE = 200;

    private final Map<String, SharedStore> stores = new HashMap<>();
    /** Stores without sessions, oldest first, with the {@link System#nanoTime()} their last one ended. */
    private final LinkedHashMap<SharedStore, Long> idle = new LinkedHashMap<>();
    private final long lingerNanos;
    private final int maxIdle;
    private ScheduledExecutorService sweeper;
    /** Whether a {@link #closeExpired} is scheduled: one at a time, not one per ended session. */
    private boolean sweepPending;

    StoreRegistry() {
        this(LINGER, MAX_IDLE);
    }

    StoreRegistry(Duration linger, int maxIdle) {
        this.lingerNanos = linger.toNanos();
        this.maxIdle = maxIdle;
    }

    /** @param shown how the store's messages show internal mailbox names */
    synchronized SharedStore acquire(String driverName, StorageDriver driver, String user, String path,
            UnaryOperator<String> shown, java.util.function.Consumer<org.loftmail.api.storage.event.MailboxEvent> publish)
            throws StorageException {
        String key = driverName + '\0' + user + '\0' + path;
        SharedStore s = stores.get(key);
        if (s == null) {
            s = new SharedStore(key, driverName, driver.open(user, path), shown, user, publish);
            stores.put(key, s);
        }
        s.refs++;
        idle.remove(s);
        return s;
    }

    synchronized void release(SharedStore s) {
        if (--s.refs > 0 || stores.get(s.key) != s) {
            return;
        }
        if (lingerNanos <= 0 || maxIdle <= 0) {
            close(s);
            return;
        }
        s.sessionsEnded();
        idle.put(s, System.nanoTime());
        while (idle.size() > maxIdle) {
            close(idle.keySet().iterator().next());
        }
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "loft-store-linger");
                t.setDaemon(true);
                return t;
            });
        }
        if (!sweepPending) {
            sweepIn(lingerNanos);
        }
    }

    private void sweepIn(long nanos) {
        sweeper.schedule(this::closeExpired, Math.max(nanos, 0), TimeUnit.NANOSECONDS);
        sweepPending = true;
    }

    private synchronized void closeExpired() {
        sweepPending = false;
        long now = System.nanoTime();
        for (var it = idle.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (now - e.getValue() < lingerNanos) {
                break; // the rest ended later
            }
            it.remove();
            stores.remove(e.getKey().key, e.getKey());
            e.getKey().close();
        }
        if (!idle.isEmpty() && sweeper != null) {
            sweepIn(idle.values().iterator().next() + lingerNanos - now);
        }
    }

    private void close(SharedStore s) {
        idle.remove(s);
        stores.remove(s.key, s);
        s.close();
    }

    /** The driver went away: its stores are closed; sessions using them get NOT_FOUND from then on. */
    synchronized void dropDriver(String driverName) {
        List<SharedStore> gone = new ArrayList<>();
        stores.values().removeIf(s -> s.driverName.equals(driverName) && gone.add(s));
        gone.forEach(idle::remove);
        gone.forEach(SharedStore::close);
    }

    /** The storage stops: every store is closed, lingering or not. */
    synchronized void closeAll() {
        List<SharedStore> all = new ArrayList<>(stores.values());
        stores.clear();
        idle.clear();
        all.forEach(SharedStore::close);
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
            sweepPending = false;
        }
    }
}
