package org.loftmail.net.impl;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's tasks one at a time, in submission order, on virtual threads: a burst of
 * tasks is drained by one virtual thread, which ends when the queue is empty. Never blocks the
 * submitting (IO) thread.
 */
final class SessionExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionExecutor.class);

    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SessionExecutor(String sessionId) {
        this.threadName = "loft-session-" + sessionId;
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        // each callback sets its own MDC: copying the submitter's inheritable thread locals (the
        // MDC map) for every burst would be wasted work on the path of every command
        Thread.ofVirtual().name(threadName).inheritInheritableThreadLocals(false).start(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable task;
            lock.lock();
            try {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("{}: task failed", threadName, t);
            }
        }
    }
}
