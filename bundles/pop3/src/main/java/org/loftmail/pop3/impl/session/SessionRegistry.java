package org.loftmail.pop3.impl.session;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The logged-in POP3 sessions by user. Enforces {@code mail_max_userip_connections} and
 * {@code pop3_lock_session}. The lock is held in this JVM only (Dovecot uses a dotlock file
 * {@code dovecot-pop3-session.lock} in the mail root, which also excludes other servers sharing
 * the maildir; Loft does not write that file).
 */
public final class SessionRegistry {

    /** What {@link #add} decided. */
    public enum Admission { ADMITTED, LIMIT_REACHED, LOCKED }

    private record Entry(Object session, InetAddress ip, boolean locking) {
    }

    private final Map<String, List<Entry>> byUser = new HashMap<>();

    /**
     * Adds a session of {@code user} from {@code ip}.
     *
     * @param limit most sessions of the user from one address (0 or less: no limit)
     * @param lock whether this session takes the user's POP3 lock; refused when another session
     *     holds it
     */
    public synchronized Admission add(String user, Object session, InetAddress ip, int limit, boolean lock) {
        List<Entry> entries = byUser.computeIfAbsent(user, u -> new ArrayList<>());
        if (lock && entries.stream().anyMatch(Entry::locking)) {
            return Admission.LOCKED;
        }
        long same = entries.stream().filter(e -> Objects.equals(e.ip(), ip)).count();
        if (limit > 0 && same >= limit) {
            return Admission.LIMIT_REACHED;
        }
        entries.add(new Entry(session, ip, lock));
        return Admission.ADMITTED;
    }

    public synchronized void remove(String user, Object session) {
        List<Entry> entries = byUser.get(user);
        if (entries != null) {
            entries.removeIf(e -> e.session() == session);
            if (entries.isEmpty()) {
                byUser.remove(user);
            }
        }
    }

    /** Number of logged-in sessions. */
    public synchronized int size() {
        return byUser.values().stream().mapToInt(List::size).sum();
    }
}
