package org.loftmail.auth.impl.penalty;

import java.time.Duration;

/** Waits; the real one sleeps, tests record what was asked. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
