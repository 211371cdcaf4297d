package org.loftmail.imap.impl;

import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxListener;
import org.loftmail.imap.impl.session.SessionRegistry;
import org.osgi.service.component.annotations.Component;

/**
 * The imap bundle's mailbox listener: hands storage events to the logged-in sessions (IDLE). A
 * component of its own, without references, because the storage component binds listeners and
 * the protocol component needs the storage: one component for both would be a service cycle.
 */
@Component(service = MailboxListener.class, immediate = true)
public final class ImapEventRelay implements MailboxListener {

    private final SessionRegistry registry = new SessionRegistry();

    SessionRegistry registry() {
        return registry;
    }

    @Override
    public void onEvent(MailboxEvent event) {
        registry.onEvent(event);
    }
}
