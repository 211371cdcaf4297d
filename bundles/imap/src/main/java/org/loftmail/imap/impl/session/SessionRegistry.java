package org.loftmail.imap.impl.session;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxListener;

/**
 * The logged-in sessions by user: enforces {@code mail_max_userip_connections} and tells the
 * sessions of a user when one of their mailboxes changed (for IDLE). Events arrive on storage
 * threads; sessions only take note and do the work on their own time.
 */
public final class SessionRegistry implements MailboxListener {

    private final ConcurrentHashMap<String, Set<ImapSession>> byUser = new ConcurrentHashMap<>();

    /**
     * Adds a session unless the user already has {@code limit} sessions from that address.
     *
     * @return false when the limit is reached
     */
    public boolean add(String user, ImapSession session, int limit) {
        boolean[] added = {false};
        byUser.compute(user, (u, set) -> {
            Set<ImapSession> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            InetAddress ip = session.remoteIp();
            long same = s.stream().filter(o -> java.util.Objects.equals(o.remoteIp(), ip)).count();
            if (limit <= 0 || same < limit) {
                s.add(session);
                added[0] = true;
            }
            return s.isEmpty() ? null : s;
        });
        return added[0];
    }

    public void remove(String user, ImapSession session) {
        byUser.computeIfPresent(user, (u, s) -> {
            s.remove(session);
            return s.isEmpty() ? null : s;
        });
    }

    /** Number of logged-in sessions (for tests and logs). */
    public int size() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void onEvent(MailboxEvent event) {
        Set<ImapSession> sessions = byUser.get(event.user());
        if (sessions != null) {
            for (ImapSession s : sessions) {
                s.mailboxChanged(event.mailbox());
            }
        }
    }
}
