package org.loftmail.api.storage.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every mailbox event of every user. Register it as a service (whiteboard); storage
 * picks it up and lets it go dynamically.
 *
 * <p>Called synchronously on the thread of the session that made the change, after the change is
 * committed and outside any storage lock, one event at a time per session but concurrently for
 * different sessions. It must return quickly (hand slow work to its own executor) and must not
 * throw; an exception is logged and never breaks storage or other listeners.
 */
@ConsumerType
public interface MailboxListener {

    void onEvent(MailboxEvent event);
}
