package org.loftmail.storage.core.impl.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongPredicate;
import org.loftmail.api.storage.MessageFieldCache;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox's {@link MessageFieldCache}: every value in memory while views are open on the
 * mailbox, loaded from the driver's {@link CacheLog} at the first use, new values appended to
 * it in batches (no fsync: a crash may cost the last values, a torn tail is ignored). Values of
 * expunged messages are dropped when the last view closes; the log is rewritten whole (in UID
 * order) when it is mostly dead, which is found when it is loaded and when the last view closes.
 *
 * <p>{@link #get} and {@link #put} run on any thread without the mailbox lock; everything that
 * talks to the driver runs with it held (the SPI's rule), and the lock is always taken before
 * this object's monitor.
 */
public final class FieldCache implements MessageFieldCache {

    /** Pending values are written out once they reach this many octets (else at the next sync). */
    static final int FLUSH_AT = 1 << 20;
    /** Dead octets below this never trigger a rewrite. */
    static final long MIN_DEAD = 64 << 10;
    private static final Logger LOG = LoggerFactory.getLogger(FieldCache.class);

    private final DriverMailbox driver;
    private final ReentrantLock lock;
    private final LongPredicate live;
    private final String name;
    private final CacheColumns values = new CacheColumns();
    private volatile boolean loaded;
    /** The mailbox was deleted, renamed or its store closed: nothing more is written. */
    private volatile boolean closed;
    /** The UIDVALIDITY the values belong to. */
    private volatile long validity;
    /** Octets of the log as written (header and records, dead ones too). Lock held. */
    private long logOctets;
    /** The log must be written whole at the next flush (none yet, damaged, torn, mostly dead). */
    private boolean rewrite;
    private List<CacheLog.Entry> pending = new ArrayList<>();
    private long pendingOctets;

    /**
     * @param lock the mailbox lock, held for every driver call
     * @param live whether the mailbox holds a UID; called with the lock held
     */
    public FieldCache(DriverMailbox driver, ReentrantLock lock, LongPredicate live, String name) {
        this.driver = driver;
        this.lock = lock;
        this.live = live;
        this.name = name;
    }

    @Override
    public Optional<byte[]> get(long uid, String field) {
        load();
        byte[] v = values.get(uid, field);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void put(long uid, String field, byte[] value) {
        if (!CacheLog.validName(field)) {
            throw new IllegalArgumentException("Bad cache field name: " + field);
        }
        load();
        CacheLog.Entry e = new CacheLog.Entry(uid, field, value.clone());
        boolean full;
        synchronized (this) {
            values.put(uid, field, e.value());
            pending.add(e);
            pendingOctets += e.size();
            full = pendingOctets >= FLUSH_AT;
        }
        if (full) {
            lock.lock();
            try {
                flush();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Loads the values at the first use (again after {@link #release} or a new UIDVALIDITY). */
    private void load() {
        if (loaded) {
            return;
        }
        lock.lock();
        try {
            if (!loaded) {
                read();
                loaded = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The mailbox was reread: values of an old UIDVALIDITY go. Lock held. */
    public void refreshed() {
        if (loaded && validity != driver.uidValidity()) {
            loaded = false;
            values.clear();
        }
    }

    /** Lock held. */
    private void read() {
        values.clear();
        synchronized (this) {
            pending = new ArrayList<>();
            pendingOctets = 0;
        }
        validity = driver.uidValidity();
        logOctets = 0;
        rewrite = true;
        try (InputStream in = driver.readCache()) {
            if (in == null) {
                return;
            }
            CacheLog.Result r = CacheLog.read(in, validity, e -> {
                if (live.test(e.uid())) {
                    values.put(e.uid(), e.field(), e.value());
                }
            });
            logOctets = r.octets();
            rewrite = !r.valid() || r.torn() || mostlyDead();
        } catch (StorageException | IOException | RuntimeException e) {
            LOG.warn("Cannot read the message cache of {}, starting afresh: {}", name, e.toString());
            values.clear();
        }
    }

    /** Writes pending values out (or the whole log when it must be rewritten). Lock held. */
    public void flush() {
        if (!loaded || closed) {
            return;
        }
        if (validity != driver.uidValidity()) {
            loaded = false; // the values are of the old mailbox: the next use starts afresh
            return;
        }
        List<CacheLog.Entry> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayList<>();
            pendingOctets = 0;
        }
        if (!rewrite && batch.isEmpty()) {
            return;
        }
        try {
            if (rewrite) {
                byte[] log = encode(values.entries(), CacheLog.header(validity));
                driver.writeCache(log);
                logOctets = log.length;
                rewrite = false;
            } else {
                byte[] records = encode(batch, new byte[0]);
                driver.appendCache(records);
                logOctets += records.length;
            }
        } catch (StorageException | RuntimeException e) {
            // a failed append may have left a torn record that would hide later ones
            rewrite = true;
            LOG.warn("Cannot write the message cache of {}: {}", name, e.toString());
        }
    }

    /** Ends writing (the mailbox is gone, renamed or its store closed), after a last flush when asked. Lock held. */
    public void close(boolean flush) {
        if (flush) {
            flush();
        }
        closed = true;
    }

    /**
     * The last view closed: drops values of expunged messages, writes what is pending (the
     * whole log when most of it is dead) and lets go of the values. Lock held.
     */
    public void release() {
        if (!loaded) {
            return;
        }
        values.retain(live);
        if (mostlyDead()) {
            rewrite = true;
        }
        flush();
        synchronized (this) {
            values.clear();
            loaded = false;
        }
    }

    private boolean mostlyDead() {
        long live = values.recordOctets();
        long dead = logOctets - CacheLog.HEADER_SIZE - live;
        return dead >= MIN_DEAD && dead > live;
    }

    private static byte[] encode(List<CacheLog.Entry> entries, byte[] prefix) {
        long size = prefix.length;
        for (CacheLog.Entry e : entries) {
            size += e.size();
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        out.put(prefix);
        for (CacheLog.Entry e : entries) {
            CacheLog.record(e, out);
        }
        return out.array();
    }
}
