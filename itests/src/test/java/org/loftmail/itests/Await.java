package org.loftmail.itests;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline, polling briefly; fails with what it waited for. */
public final class Await {

    private Await() {
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
