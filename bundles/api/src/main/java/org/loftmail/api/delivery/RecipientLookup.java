package org.loftmail.api.delivery;

/** The answer to a recipient lookup: LMTP answers RCPT TO with it. */
public sealed interface RecipientLookup permits RecipientLookup.Found, RecipientLookup.Unknown,
        RecipientLookup.Temporary {

    /** The address belongs to a local user. */
    record Found(Recipient recipient) implements RecipientLookup {
    }

    /** No such user ({@code 550 5.1.1}). */
    record Unknown(String address) implements RecipientLookup {
    }

    /** The userdb could not answer now ({@code 451 4.3.0}). */
    record Temporary(String reason) implements RecipientLookup {
    }
}
