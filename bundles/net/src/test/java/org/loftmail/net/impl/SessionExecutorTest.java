package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionExecutorTest {

    @Test
    void runsTasksOneAtATimeInOrderOnVirtualThreads() throws Exception {
        SessionExecutor e = new SessionExecutor("t1");
        int n = 20_000;
        List<Integer> order = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger platform = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            e.execute(() -> {
                if (running.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                if (!Thread.currentThread().isVirtual()) {
                    platform.incrementAndGet();
                }
                order.add(k);
                if (k % 1000 == 0) {
                    Thread.yield();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        assertEquals(0, platform.get());
        for (int i = 0; i < n; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() throws Exception {
        SessionExecutor e = new SessionExecutor("t2");
        CountDownLatch after = new CountDownLatch(1);
        e.execute(() -> {
            throw new IllegalStateException("test");
        });
        e.execute(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }
}
