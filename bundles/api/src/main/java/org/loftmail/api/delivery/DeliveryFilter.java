package org.loftmail.api.delivery;

import org.loftmail.api.storage.MessageSource;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service that decides where a message goes (Sieve, spam checks). Filters are asked
 * in service-ranking order, highest first, until one decides something other than
 * {@link FilterDecision.Next}. A filter that throws is logged and skipped: delivery goes on.
 */
@ConsumerType
public interface DeliveryFilter {

    /**
     * @param recipient the recipient this copy is for
     * @param mailFrom  the envelope sender ({@code ""} for the null sender)
     * @param message   the message as it will be stored (with Return-Path and Delivered-To); may be
     *                  opened more than once
     * @param proposed  where the message goes if no filter decides (INBOX, or the detail mailbox)
     */
    FilterDecision decide(Recipient recipient, String mailFrom, MessageSource message, Target proposed);
}
