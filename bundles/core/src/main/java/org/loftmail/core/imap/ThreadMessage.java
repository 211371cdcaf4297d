package org.loftmail.core.imap;

/**
 * What THREAD needs to know about one message.
 *
 * @param id the number reported in the thread list: the sequence number for THREAD, the UID
 *     for UID THREAD; ids must grow with the mailbox order (ties in date are broken by id)
 * @param sentDate the RFC 5256 sent date in epoch seconds: the Date header in UTC, or the
 *     internal date when Date is missing or unparsable
 * @param facts what its headers say about threads
 */
public record ThreadMessage(long id, long sentDate, ThreadFacts facts) {

    /**
     * From raw header values (each null when missing): Subject, Message-ID, In-Reply-To and
     * References.
     */
    public ThreadMessage(long id, long sentDate, String subject, String messageId, String inReplyTo,
            String references) {
        this(id, sentDate, ThreadFacts.of(subject, messageId, inReplyTo, references));
    }
}
