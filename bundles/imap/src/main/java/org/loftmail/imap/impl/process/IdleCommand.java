package org.loftmail.imap.impl.process;

import java.time.Duration;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.IdleRequest;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.ImapSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IDLE (RFC 2177): changes to the selected mailbox are pushed as they happen (storage events,
 * no polling and no thread per session) until the client sends DONE. The session says
 * "Still here" every {@code imap_idle_notify_interval}, and is logged out after two hours
 * without DONE (clients re-issue IDLE well before, RFC 2177 suggests every 29 minutes).
 */
final class IdleCommand {

    private static final Logger LOG = LoggerFactory.getLogger(IdleCommand.class);
    static final Duration IDLE_TIMEOUT = Duration.ofHours(2);

    private IdleCommand() {
    }

    static StatusResponse idle(ImapSession s, IdleRequest r) throws StorageException {
        s.reportChanges();
        s.out().continuation("idling");
        s.connection().setIdleTimeout(IDLE_TIMEOUT);
        s.startKeepalive();
        s.continueWith(new ImapSession.Continuation() {
            @Override
            public StatusResponse line(Command command) {
                s.stopKeepalive();
                s.connection().setIdleTimeout(ImapSettings.AUTOLOGOUT);
                if (command.firstLine().trim().equalsIgnoreCase("DONE")) {
                    return StatusResponse.ok(r.tag(), "Idle completed.");
                }
                return StatusResponse.bad(r.tag(), "Expected DONE.");
            }

            @Override
            public void mailboxChanged() {
                try {
                    s.reportChanges();
                } catch (StorageException e) {
                    LOG.warn("IDLE: syncing {} failed: {}", s.selected().name(), e.getMessage());
                }
            }
        });
        return null;
    }
}
