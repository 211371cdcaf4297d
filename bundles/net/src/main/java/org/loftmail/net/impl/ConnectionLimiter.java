package org.loftmail.net.impl;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts a service's connections, in total and per remote address, across all listeners of that
 * service. Limits of 0 or less mean unlimited.
 */
public final class ConnectionLimiter {

    private static final Map<String, ConnectionLimiter> BY_SERVICE = new ConcurrentHashMap<>();

    private final String service;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private int total;

    public ConnectionLimiter(String service) {
        this.service = service;
    }

    /** The limiter shared by every listener of {@code service} in this bundle. */
    public static ConnectionLimiter forService(String service) {
        return BY_SERVICE.computeIfAbsent(service, ConnectionLimiter::new);
    }

    /** A counted connection; release it when the connection ends. */
    public final class Permit {
        private final InetAddress address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(InetAddress address) {
            this.address = address;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                ConnectionLimiter.this.release(address);
            }
        }
    }

    /** The outcome of {@link #tryAcquire}: a permit, or why there is none. */
    public record Decision(Permit permit, String refusal) {
    }

    /**
     * Counts a new connection unless a limit is reached.
     *
     * @param address        the client's address, or null (Unix sockets: only the total counts)
     * @param formatted      the client's address as it appears in the log line
     */
    public synchronized Decision tryAcquire(InetAddress address, String formatted, int clientLimit, int perAddressLimit) {
        if (clientLimit > 0 && total >= clientLimit) {
            return new Decision(null, "connection from " + formatted + " refused: " + total
                    + " connections to service " + service + " (client_limit " + clientLimit + ")");
        }
        if (address != null) {
            int current = perAddress.getOrDefault(address, 0);
            if (perAddressLimit > 0 && current >= perAddressLimit) {
                return new Decision(null, "connection from " + formatted + " refused: " + current
                        + " connections from this address (limit " + perAddressLimit + ")");
            }
            perAddress.put(address, current + 1);
        }
        total++;
        return new Decision(new Permit(address), null);
    }

    public synchronized int total() {
        return total;
    }

    public synchronized int count(InetAddress address) {
        return perAddress.getOrDefault(address, 0);
    }

    private synchronized void release(InetAddress address) {
        total--;
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }
}
