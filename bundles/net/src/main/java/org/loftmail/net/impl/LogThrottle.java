package org.loftmail.net.impl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets a repeated log line through at most once per interval and counts what it held back. */
final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * @return -1 when the line should not be logged now, else how many were held back since the
     *         last one that was
     */
    long tryAcquire() {
        long now = System.nanoTime();
        long n = next.get();
        if ((n == Long.MIN_VALUE || now - n >= 0) && next.compareAndSet(n, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }

    static String heldBack(long count) {
        return count > 0 ? " (" + count + " more not logged in the last second)" : "";
    }
}
