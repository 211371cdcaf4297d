package org.loftmail.quota.impl;

/** Messages and octets. */
record Usage(long count, long bytes) {

    static final Usage ZERO = new Usage(0, 0);

    Usage plus(Usage o) {
        return new Usage(count + o.count, bytes + o.bytes);
    }

    Usage minus(Usage o) {
        return new Usage(count - o.count, bytes - o.bytes);
    }

    boolean isZero() {
        return count == 0 && bytes == 0;
    }
}
