package org.loftmail.api.storage.event;

/** A mailbox was created. */
public record MailboxCreated(String user, String mailbox) implements MailboxEvent {
}
