package org.loftmail.api.delivery;

import org.loftmail.api.storage.MessageSource;
import org.osgi.annotation.versioning.ProviderType;

/** Local delivery, as LMTP and the {@code deliver} command use it. Thread-safe. */
@ProviderType
public interface DeliveryService {

    /**
     * Looks a recipient address up: cuts {@code recipient_delimiter} and what follows from the
     * local part (keeping it as the detail), then asks the userdb.
     */
    RecipientLookup lookup(String address);

    /**
     * Delivers one message to one recipient: adds {@code Return-Path:} and {@code Delivered-To:},
     * asks the delivery filters, stores the copies through the storage API and returns once they
     * are durable (or refused). Fires the storage events, so IDLE sessions see the mail.
     *
     * @param mailFrom the envelope sender, {@code ""} for the null sender
     * @param message  the message as received; may be opened more than once
     */
    DeliveryResult deliver(Recipient recipient, String mailFrom, MessageSource message);
}
