package org.loftmail.core.imap;

/**
 * What SORT needs to know about one message.
 *
 * @param id sequence number (SORT) or UID (UID SORT); the final tie-breaker, ascending
 * @param arrival internal date, epoch seconds (ARRIVAL)
 * @param sentDate Date header in UTC, or the internal date when missing or unparsable (DATE)
 * @param size RFC822.SIZE (SIZE)
 * @param subject raw Subject header value or null (SUBJECT)
 * @param from raw From header value or null (FROM, DISPLAYFROM)
 * @param to raw To header value or null (TO, DISPLAYTO)
 * @param cc raw Cc header value or null (CC)
 */
public record SortableMessage(long id, long arrival, long sentDate, long size, String subject, String from,
        String to, String cc) { }
