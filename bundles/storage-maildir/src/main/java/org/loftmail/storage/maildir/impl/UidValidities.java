package org.loftmail.storage.maildir.impl;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UIDVALIDITY for mailboxes this process creates: the current time in seconds, as Dovecot uses,
 * but at least one above the last value given, so a mailbox deleted and re-created (or an INBOX
 * emptied by a rename) within one second never gets its old value back. Thread-safe.
 */
final class UidValidities {
    private final AtomicLong last = new AtomicLong();

    long next() {
        long now = Instant.now().getEpochSecond() & 0xFFFF_FFFFL;
        return last.updateAndGet(previous -> Math.max(now, previous + 1));
    }
}
