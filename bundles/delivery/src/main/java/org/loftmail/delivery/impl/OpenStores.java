package org.loftmail.delivery.impl;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;

/**
 * Users' mail stores kept open between deliveries for a short while: a burst of mail for one user
 * then loads the mailbox once instead of once per message (opening reads the folder and closing
 * writes the index). One delivery at a time per user; stores unused for {@link #IDLE_MILLIS} are
 * closed.
 */
final class OpenStores implements AutoCloseable {

    static final long IDLE_MILLIS = 30_000;

    /** An open store and the lock deliveries to it take. */
    static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        final UserMailboxes store;
        volatile long lastUsed = System.currentTimeMillis();
        boolean closed;

        Entry(UserMailboxes store) {
            this.store = store;
        }
    }

    /** Work done with a user's store. */
    @FunctionalInterface
    interface StoreWork<T> {
        T run(UserMailboxes store) throws StorageException;
    }

    private final MailStorage storage;
    private final Map<MailUser, Entry> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("delivery-store-sweeper").daemon().factory());

    OpenStores(MailStorage storage) {
        this.storage = storage;
        sweeper.scheduleWithFixedDelay(this::sweep, IDLE_MILLIS, IDLE_MILLIS / 3, TimeUnit.MILLISECONDS);
    }

    <T> T with(MailUser user, StoreWork<T> work) throws StorageException {
        while (true) {
            Entry e = open.get(user);
            if (e == null) {
                Entry fresh = new Entry(storage.open(user));
                e = open.putIfAbsent(user, fresh);
                if (e != null) {
                    fresh.store.close();
                } else {
                    e = fresh;
                }
            }
            e.lock.lock();
            try {
                if (e.closed) {
                    continue; // swept meanwhile: open again
                }
                try {
                    return work.run(e.store);
                } finally {
                    e.lastUsed = System.currentTimeMillis();
                }
            } finally {
                e.lock.unlock();
            }
        }
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        for (Iterator<Map.Entry<MailUser, Entry>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Entry e = it.next().getValue();
            if (now - e.lastUsed >= IDLE_MILLIS && e.lock.tryLock()) {
                try {
                    it.remove();
                    e.closed = true;
                    e.store.close();
                } finally {
                    e.lock.unlock();
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (Entry e : open.values()) {
            e.lock.lock();
            try {
                e.closed = true;
                e.store.close();
            } finally {
                e.lock.unlock();
            }
        }
        open.clear();
    }
}
