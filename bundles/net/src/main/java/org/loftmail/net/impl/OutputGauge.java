package org.loftmail.net.impl;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts output handed to the transport and not yet written, so a writer can wait for it to drain. */
final class OutputGauge {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long bytes;
    private int requests;
    private boolean closed;

    void add(long n) {
        lock.lock();
        try {
            bytes += n;
            requests++;
        } finally {
            lock.unlock();
        }
    }

    void done(long n) {
        lock.lock();
        try {
            bytes -= n;
            requests--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long queuedBytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while more than {@code maxBytes} bytes or {@code maxRequests} writes are pending.
     *
     * @return false when the output did not drain within {@code timeout}
     */
    boolean awaitBelow(long maxBytes, int maxRequests, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos() <= 0 ? Long.MAX_VALUE : timeout.toNanos();
        lock.lock();
        try {
            while (!closed && (bytes > maxBytes || requests > maxRequests)) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(Math.min(remaining, TimeUnit.SECONDS.toNanos(60)));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
