package org.loftmail.itests;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline, polling briefly; fails with what it waited for. */
public final class Await {

    private Await() {
    }

    /** Retries {@code action} until it returns without throwing, and returns its value. */
    public static <T> T value(String what, Duration timeout, Callable<T> action) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return action.call();
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + timeout + " waiting until " + what, e);
                }
                Thread.sleep(50);
            }
        }
    }

    public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        AssertionError error = new AssertionError("timed out after " + timeout + " waiting until " + what);
        if (last != null) {
            error.initCause(last);
        }
        throw error;
    }
}
