package org.loftmail.api.storage.event;

/** Something that happened to a user's mailbox; {@code mailbox} is the full name. */
public sealed interface MailboxEvent
        permits MessagesAppended, FlagsChanged, MessagesExpunged, MessagesMoved, MailboxCreated, MailboxDeleted,
        MailboxRenamed {

    /** The user whose mailbox it is. */
    String user();

    /** The mailbox concerned (for a move and a rename: the source). */
    String mailbox();
}
