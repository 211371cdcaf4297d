package org.loftmail.api.storage.event;

/** A mailbox was deleted with its messages. */
public record MailboxDeleted(String user, String mailbox) implements MailboxEvent {
}
