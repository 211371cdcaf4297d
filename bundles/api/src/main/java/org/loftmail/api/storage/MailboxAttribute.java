package org.loftmail.api.storage;

/** Attributes of a listed mailbox (RFC 3501, RFC 5258). */
public enum MailboxAttribute {
    /** Exists only as the parent of others; cannot be selected. */
    NOSELECT,
    /** Does not exist; listed because a child or a subscription refers to it. */
    NONEXISTENT,
    HAS_CHILDREN,
    HAS_NO_CHILDREN,
    SUBSCRIBED
}
