package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageFieldCache;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * The message cache ({@link MailboxView#cache()}): shared by the sessions of a mailbox, kept by
 * the driver across a restart when it persists the cache ({@link #persistsCache()}), never
 * answering for a message it was not given for.
 */
public interface MessageCacheContract extends DriverContract {

    /** Whether values survive a new storage instance (false for drivers that keep the default). */
    default boolean persistsCache() {
        return true;
    }

    private static byte[] value(long uid, String field) {
        return (field + " of " + uid).getBytes(StandardCharsets.US_ASCII);
    }

    private CoreHarness harness(StorageDriver driver, Path root) {
        return new CoreHarness(driverName(), driver, mailLocation(root));
    }

    /** Present with the value put, or (when {@code mayMiss}) absent. */
    private static void assertCached(MessageFieldCache cache, long uid, String field, boolean mayMiss) {
        Optional<byte[]> v = cache.get(uid, field);
        if (mayMiss && v.isEmpty()) {
            return;
        }
        assertTrue(v.isPresent(), field + " of " + uid + " missing");
        assertArrayEquals(value(uid, field), v.get(), field + " of " + uid);
    }

    @Test
    default void concurrentSessionsShareTheCache(@TempDir Path root) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (CoreHarness h = harness(root)) {
            List<Long> uids = fill(h.open("alice"), "INBOX", 50);
            List<Future<?>> done = new ArrayList<>();
            List<MailboxView> views = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                MailboxView v = h.open("alice").open("INBOX", s % 2 == 0);
                views.add(v);
                String field = "test.f" + s;
                done.add(pool.submit(() -> {
                    for (long uid : uids) {
                        v.cache().put(uid, field, value(uid, field));
                        v.cache().get(uid, "test.f0"); // reads racing the other sessions' writes
                    }
                    v.sync();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            for (MailboxView v : views) {
                for (int s = 0; s < 4; s++) {
                    for (long uid : uids) {
                        assertCached(v.cache(), uid, "test.f" + s, false);
                    }
                }
            }
            views.forEach(MailboxView::close);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void valuesSurviveANewStorageInstance(@TempDir Path root) throws Exception {
        StorageDriver driver = driver(root);
        List<Long> uids;
        try (CoreHarness h = harness(driver, root)) {
            UserMailboxes mb = h.open("alice");
            uids = fill(mb, "INBOX", 5);
            try (MailboxView v = mb.open("INBOX", true)) {
                for (long uid : uids) {
                    v.cache().put(uid, "test.a", value(uid, "test.a"));
                }
                v.cache().put(uids.get(0), "test.b", value(uids.get(0), "test.b"));
                assertEquals(Optional.empty(), v.cache().get(uids.get(1), "test.b"));
            }
        }
        try (CoreHarness h = harness(driver, root)) {
            try (MailboxView v = h.open("alice").open("INBOX", false)) {
                for (long uid : uids) {
                    assertCached(v.cache(), uid, "test.a", !persistsCache());
                }
                assertCached(v.cache(), uids.get(0), "test.b", !persistsCache());
                assertEquals(Optional.empty(), v.cache().get(uids.get(1), "test.b"));
            }
        }
    }

    @Test
    default void valuesOfExpungedMessagesAreDropped(@TempDir Path root) throws Exception {
        StorageDriver driver = driver(root);
        List<Long> uids;
        try (CoreHarness h = harness(driver, root)) {
            UserMailboxes mb = h.open("alice");
            uids = fill(mb, "INBOX", 4);
            try (MailboxView v = mb.open("INBOX", false)) {
                uids.forEach(uid -> v.cache().put(uid, "test.a", value(uid, "test.a")));
                v.store(UidSet.of(uids.get(0), uids.get(2)), FlagChange.add(Flags.of(Flag.DELETED)));
                v.expunge(null);
                v.sync();
            }
        }
        try (CoreHarness h = harness(driver, root)) {
            try (MailboxView v = h.open("alice").open("INBOX", false)) {
                assertEquals(Optional.empty(), v.cache().get(uids.get(0), "test.a"));
                assertEquals(Optional.empty(), v.cache().get(uids.get(2), "test.a"));
                assertCached(v.cache(), uids.get(1), "test.a", !persistsCache());
                assertCached(v.cache(), uids.get(3), "test.a", !persistsCache());
            }
        }
    }

    @Test
    default void aRecreatedMailboxDoesNotSeeTheOldValues(@TempDir Path root) throws Exception {
        StorageDriver driver = driver(root);
        try (CoreHarness h = harness(driver, root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Work");
            long uid = fill(mb, "Work", 1).get(0);
            try (MailboxView v = mb.open("Work", false)) {
                v.cache().put(uid, "test.a", value(uid, "test.a"));
            }
            mb.delete("Work");
            mb.create("Work");
            long again = fill(mb, "Work", 1).get(0);
            try (MailboxView v = mb.open("Work", false)) {
                assertEquals(Optional.empty(), v.cache().get(again, "test.a"));
            }
        }
        try (CoreHarness h = harness(driver, root)) {
            UserMailboxes mb = h.open("alice");
            try (MailboxView v = mb.open("Work", false)) {
                assertEquals(Optional.empty(), v.cache().get(v.uid(1), "test.a"));
            }
        }
    }
}
