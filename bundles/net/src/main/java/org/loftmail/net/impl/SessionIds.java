package org.loftmail.net.impl;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short session ids unique in this run: a random per-run prefix (so ids from two runs in one log
 * file don't collide) and a counter, both base 36, e.g. {@code k3f9-1a}.
 */
final class SessionIds {

    private static final String PREFIX = Long.toString(36L * 36 * 36 + new SecureRandom().nextInt(35 * 36 * 36 * 36), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private SessionIds() {
    }

    static String next() {
        return PREFIX + "-" + Long.toString(COUNTER.incrementAndGet(), 36);
    }
}
