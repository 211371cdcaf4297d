package org.loftmail.storage.core.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans mailbox events out to the whiteboard listeners; a listener that throws never breaks storage. */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();

    void add(MailboxListener listener) {
        listeners.add(listener);
    }

    void remove(MailboxListener listener) {
        listeners.remove(listener);
    }

    /** Call outside every storage lock. */
    void publish(MailboxEvent event) {
        for (MailboxListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Mailbox listener {} failed on {}", l.getClass().getName(), event, e);
            }
        }
    }
}
