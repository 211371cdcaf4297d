package org.loftmail.storage.core.impl;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;
import org.loftmail.storage.core.impl.cache.FieldCache;

/**
 * One mailbox shared by every session of its user in this JVM: the driver mailbox, the message
 * table and the views open on it. Every method takes the mailbox lock and refreshes from the driver
 * when its revision moved; {@link IndexWriter} decides when the index is written. Own changes do not adopt the
 * driver's new revision: another process may have changed the mailbox meanwhile, so the next
 * refresh rereads the list (finding our own changes already in the table, at no new modseq).
 * Events are the caller's job, after the lock is released.
 */
final class MailboxState {

    final ReentrantLock lock = new ReentrantLock();
    final String name;
    private final DriverMailbox driver;
    final MessageTable table = new MessageTable();
    private final IndexWriter index;
    final FieldCache cache;
    final Set<MailboxViewImpl> views = new HashSet<>();
    private long revision;
    private boolean gone;

    private MailboxState(String name, DriverMailbox driver) {
        this.name = name;
        this.driver = driver;
        this.index = new IndexWriter(driver, table, name);
        this.cache = new FieldCache(driver, lock, table.messages::containsKey, name);
    }

    static MailboxState load(String name, DriverMailbox driver) throws StorageException {
        MailboxState s = new MailboxState(name, driver);
        s.revision = driver.revision();
        s.table.load(driver.messages(), IndexCodec.decode(driver.readIndex()));
        s.index.touched();
        s.index.flush();
        return s;
    }

    /** Runs {@code call} with the lock held, after a refresh. */
    <T> T with(StorageCall<T> call) throws StorageException {
        lock.lock();
        try {
            refresh();
            return call.call();
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    interface StorageCall<T> {
        T call() throws StorageException;
    }

    long uidValidity() {
        return driver.uidValidity();
    }

    /** What another program added and removed, as {@link #outsideChange()} found it. */
    record OutsideChange(long uidValidity, List<Long> added, List<Long> removed) {
    }

    /** Rereads after the driver reported a change made outside this JVM. */
    OutsideChange outsideChange() throws StorageException {
        lock.lock();
        try {
            java.util.Set<Long> before = new java.util.HashSet<>(table.messages.keySet());
            refresh();
            List<Long> added = new ArrayList<>();
            for (Long uid : table.messages.keySet()) {
                if (!before.remove(uid)) {
                    added.add(uid);
                }
            }
            List<Long> removed = new ArrayList<>(before);
            java.util.Collections.sort(added);
            java.util.Collections.sort(removed);
            return new OutsideChange(driver.uidValidity(), added, removed);
        } finally {
            lock.unlock();
        }
    }

    /** Call with the lock held: rereads the driver's list when it changed. */
    void refresh() throws StorageException {
        if (gone) {
            throw new StorageException(StorageError.NOT_FOUND, "Mailbox " + name + " was deleted or renamed");
        }
        long rev = driver.revision();
        if (rev != revision) {
            revision = rev;
            if (table.reconcile(driver.messages())) {
                index.changed();
            }
            cache.refreshed();
        }
    }

    /**
     * Ends the state; views on it get NOT_FOUND from then on.
     *
     * @param flush whether to write the index first (not for a mailbox already deleted)
     */
    void markGone(boolean flush) {
        lock.lock();
        try {
            if (!gone && flush) {
                index.flush();
            }
            cache.close(!gone && flush);
            gone = true;
        } finally {
            lock.unlock();
        }
    }

    long uidNext() throws StorageException {
        return Math.max(driver.nextUid(), table.maxUid() + 1);
    }

    /** Saves messages in order; on a failure removes those already saved and rethrows. Lock held. */
    List<Long> save(List<Incoming> incoming) throws StorageException {
        refresh();
        List<StoredMessage> saved = new ArrayList<>();
        long floor = table.maxUid();
        try {
            for (Incoming in : incoming) {
                StoredMessage sm = saveOne(in, floor);
                saved.add(sm);
                floor = sm.uid();
            }
        } catch (StorageException | RuntimeException e) {
            if (!saved.isEmpty()) {
                driver.expunge(saved.stream().map(StoredMessage::uid).toList());
            }
            throw e;
        }
        long modseq = table.nextModseq();
        List<Long> uids = new ArrayList<>();
        for (StoredMessage sm : saved) {
            table.added(sm, modseq);
            uids.add(sm.uid());
        }
        index.changed();
        return uids;
    }

    private StoredMessage saveOne(Incoming in, long floor) throws StorageException {
        Instant now = Instant.now();
        String guid = in.guid() != null ? in.guid() : UUID.randomUUID().toString().replace("-", "");
        SaveRequest req = new SaveRequest(in.flags(), in.internalDate() != null ? in.internalDate() : now, now, guid);
        StoredMessage sm;
        try (InputStream content = in.content().open()) {
            sm = driver.save(content, req);
        } catch (IOException e) {
            throw new StorageException(StorageError.TEMPORARY, "Cannot read the message to save", e);
        }
        if (sm.uid() <= floor) {
            throw new StorageException(StorageError.INTERNAL, "Driver reused UID " + sm.uid() + " in " + name
                    + " (highest seen " + floor + ")");
        }
        return sm;
    }

    /** Applies a flag change to {@code uids}; fills {@code failed} with UNCHANGEDSINCE failures. Lock held. */
    List<MessageMeta> setFlags(Collection<Long> uids, FlagChange change, List<Long> failed) throws StorageException {
        refresh();
        Map<Long, Flags> updates = new HashMap<>();
        List<MessageMeta> targets = new ArrayList<>();
        for (Long uid : uids) {
            MessageMeta m = table.messages.get(uid);
            if (m == null) {
                continue;
            }
            if (change.unchangedSince() > 0 && m.modseq() > change.unchangedSince()) {
                failed.add(uid);
                continue;
            }
            Flags next = change.apply(m.flags());
            if (!next.equals(m.flags())) {
                updates.put(uid, next);
                targets.add(m);
            }
        }
        if (updates.isEmpty()) {
            return List.of();
        }
        driver.setFlags(updates);
        long modseq = table.nextModseq();
        List<MessageMeta> changed = new ArrayList<>();
        for (MessageMeta m : targets) {
            table.flagsSet(m, updates.get(m.uid()), modseq);
            changed.add(table.messages.get(m.uid()));
        }
        index.changed();
        return changed;
    }

    /** Expunges the messages among {@code uids} that {@code which} accepts. Lock held. */
    List<Long> expunge(Collection<Long> uids, Predicate<MessageMeta> which) throws StorageException {
        refresh();
        List<Long> out = new ArrayList<>();
        for (Long uid : uids) {
            MessageMeta m = table.messages.get(uid);
            if (m != null && which.test(m)) {
                out.add(uid);
            }
        }
        if (!out.isEmpty()) {
            driver.expunge(out);
            table.expunged(out, table.nextModseq());
            index.changed();
        }
        return out;
    }

    /** Without the lock (the SPI allows it), so copies and big reads never hold two mailboxes. */
    InputStream open(long uid, long offset) throws StorageException {
        try {
            return driver.open(uid, offset);
        } catch (IOException e) {
            throw new StorageException(StorageError.TEMPORARY, "Cannot read message " + uid, e);
        }
    }

    /** Claims \Recent for messages nobody has claimed yet. Lock held. */
    List<Long> claimRecent() {
        List<Long> out = new ArrayList<>(table.after(table.recentWatermark).keySet());
        if (!out.isEmpty()) {
            table.recentWatermark = out.get(out.size() - 1);
            index.touched();
        }
        return out;
    }

    /** Lock held. */
    MailboxStatus status() throws StorageException {
        refresh();
        return StatusCounter.count(this);
    }

    /** Writes the index clean and the cache out; with the lock held (the last view closed). */
    void flush() {
        index.flush();
        cache.release();
    }
}
