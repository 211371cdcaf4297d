package org.loftmail.storage.maildir.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates unique maildir base names {@code <sec>.M<usec>P<pid>Q<n>.<host>}, as in
 * Dovecot and the Maildir spec: seconds and microseconds of now, the process id, a
 * per-process delivery counter, and the host name with {@code /} and {@code :} escaped as
 * {@code \057} and {@code \072}. Thread-safe.
 */
public final class UniqueNames {
    private final Clock clock;
    private final long pid;
    private final String host;
    private final AtomicLong counter = new AtomicLong();

    public UniqueNames(Clock clock, long pid, String host) {
        this.clock = clock;
        this.pid = pid;
        this.host = escapeHost(host);
    }

    /** Names for this process on this host. */
    public static UniqueNames forThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new UniqueNames(Clock.systemUTC(), ProcessHandle.current().pid(), host);
    }

    /** A new base name without size fields. */
    public String next() {
        Instant now = clock.instant();
        return now.getEpochSecond() + ".M" + (now.getNano() / 1000) + "P" + pid + "Q" + counter.incrementAndGet()
                + "." + host;
    }

    /** A new base name with {@code ,S=size,W=vsize}. */
    public String next(long size, long vsize) {
        return next() + ",S=" + size + ",W=" + vsize;
    }

    static String escapeHost(String host) {
        return host.replace("/", "\\057").replace(":", "\\072").replace(",", "\\054");
    }
}
