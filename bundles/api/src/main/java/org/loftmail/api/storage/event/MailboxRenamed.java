package org.loftmail.api.storage.event;

/** A mailbox was renamed; one event per renamed mailbox, children included. */
public record MailboxRenamed(String user, String mailbox, String newName) implements MailboxEvent {
}
