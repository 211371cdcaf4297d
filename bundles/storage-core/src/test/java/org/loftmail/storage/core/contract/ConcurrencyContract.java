package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.storage.core.impl.CoreHarness;

/** Many sessions of one user on one mailbox at once lose nothing and agree after sync. */
public interface ConcurrencyContract extends DriverContract {

    int SESSIONS = 4;
    int PER_SESSION = 25;

    @Test
    default void concurrentSessionsLoseNothingAndAgreeAfterSync(@TempDir Path root) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        try (CoreHarness h = harness(root)) {
            UserMailboxes watcherStore = h.open("alice");
            fill(watcherStore, "INBOX", 10);
            List<UserMailboxes> stores = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                stores.add(h.open("alice"));
            }
            try (MailboxView watcher = watcherStore.open("INBOX", false)) {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int s = 0; s < SESSIONS; s++) {
                    UserMailboxes mb = stores.get(s);
                    Flag flag = Flag.values()[s % 3];
                    Callable<List<Long>> session = () -> {
                        List<Long> mine = new ArrayList<>();
                        try (MailboxView v = mb.open("INBOX", false)) {
                            for (int i = 0; i < PER_SESSION; i++) {
                                mine.addAll(fill(mb, "INBOX", 1));
                                v.sync();
                                v.store(UidSet.range(1, Long.MAX_VALUE), FlagChange.add(Flags.of(flag)));
                            }
                        }
                        return mine;
                    };
                    results.add(pool.submit(session));
                }
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> f : results) {
                    all.addAll(f.get());
                }
                assertEquals(SESSIONS * PER_SESSION, all.size(), "every append got its own UID");
                assertEquals(10 + SESSIONS * PER_SESSION, watcherStore.status("INBOX").messages());
                watcher.sync();
                try (MailboxView late = watcherStore.open("INBOX", false)) {
                    assertEquals(late.size(), watcher.size());
                    List<ViewMessage> a = watcher.messages(UidSet.all());
                    List<ViewMessage> b = late.messages(UidSet.all());
                    assertEquals(a.stream().map(m -> m.meta()).toList(), b.stream().map(m -> m.meta()).toList());
                    assertEquals(a.stream().map(m -> m.seq()).toList(), b.stream().map(m -> m.seq()).toList());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
