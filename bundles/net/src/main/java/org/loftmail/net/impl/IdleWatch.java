package org.loftmail.net.impl;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Calls {@code onIdle} when no input was seen for the timeout, and again after each further
 * timeout while the connection stays silent. Timer tasks never block.
 */
final class IdleWatch {

    private final ScheduledExecutorService timer;
    private final Runnable onIdle;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastInput = System.nanoTime();
    private long timeoutNanos;
    private ScheduledFuture<?> pending;
    private boolean stopped;

    IdleWatch(ScheduledExecutorService timer, Duration timeout, Runnable onIdle) {
        this.timer = timer;
        this.onIdle = onIdle;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Input arrived. */
    void touch() {
        lastInput = System.nanoTime();
    }

    Duration timeout() {
        lock.lock();
        try {
            return Duration.ofNanos(timeoutNanos);
        } finally {
            lock.unlock();
        }
    }

    /** Changes the timeout; zero or negative disables it. Counts from the last input. */
    void setTimeout(Duration timeout) {
        lock.lock();
        try {
            timeoutNanos = timeout.toNanos();
            reschedule(timeoutNanos - (System.nanoTime() - lastInput));
        } finally {
            lock.unlock();
        }
    }

    void start() {
        lock.lock();
        try {
            touch();
            reschedule(timeoutNanos);
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        lock.lock();
        try {
            stopped = true;
            if (pending != null) {
                pending.cancel(false);
            }
        } finally {
            lock.unlock();
        }
    }

    private void reschedule(long delayNanos) {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (stopped || timeoutNanos <= 0) {
            return;
        }
        try {
            pending = timer.schedule(this::check, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the listener is stopping
        }
    }

    private void check() {
        boolean fire = false;
        lock.lock();
        try {
            if (stopped || timeoutNanos <= 0) {
                return;
            }
            long idleFor = System.nanoTime() - lastInput;
            if (idleFor >= timeoutNanos) {
                fire = true;
                lastInput = System.nanoTime();
                reschedule(timeoutNanos);
            } else {
                reschedule(timeoutNanos - idleFor);
            }
        } finally {
            lock.unlock();
        }
        if (fire) {
            onIdle.run();
        }
    }
}
