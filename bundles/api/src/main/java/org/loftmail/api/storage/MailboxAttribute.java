package org.loftmail.api.storage;

import java.util.Locale;
import java.util.Optional;

/**
 * Attributes of a listed mailbox (RFC 3501, RFC 5258) and its special uses (RFC 6154). The
 * special-use ones ({@link #isSpecialUse()}) come from the {@code special_use} setting of the
 * namespace's {@code mailbox NAME { }} blocks.
 */
public enum MailboxAttribute {
    /** Exists only as the parent of others; cannot be selected. */
    NOSELECT("\\Noselect"),
    /** Does not exist; listed because a child or a subscription refers to it. */
    NONEXISTENT("\\NonExistent"),
    HAS_CHILDREN("\\HasChildren"),
    HAS_NO_CHILDREN("\\HasNoChildren"),
    SUBSCRIBED("\\Subscribed"),
    /** RFC 6154 {@code \All}: presents all messages of the store. */
    ALL("\\All"),
    /** RFC 6154 {@code \Archive}: where messages are archived. */
    ARCHIVE("\\Archive"),
    /** RFC 6154 {@code \Drafts}: holds draft messages. */
    DRAFTS("\\Drafts"),
    /** RFC 6154 {@code \Flagged}: presents all messages flagged {@code \Flagged}. */
    FLAGGED("\\Flagged"),
    /** RFC 6154 {@code \Junk}: holds messages deemed junk. */
    JUNK("\\Junk"),
    /** RFC 6154 {@code \Sent}: holds copies of sent messages. */
    SENT("\\Sent"),
    /** RFC 6154 {@code \Trash}: holds deleted messages. */
    TRASH("\\Trash");

    private final String imapName;

    MailboxAttribute(String imapName) {
        this.imapName = imapName;
    }

    /**
     * The attribute as IMAP writes it in a LIST response, e.g. {@code \HasNoChildren}, {@code \Sent}.
     */
    public String imapName() {
        return imapName;
    }

    /**
     * Whether this is an RFC 6154 special-use attribute ({@link #ALL} to {@link #TRASH}).
     */
    public boolean isSpecialUse() {
        return ordinal() >= ALL.ordinal();
    }

    /**
     * The special-use attribute an IMAP name stands for, case-insensitively: {@code \sent} gives
     * {@link #SENT}; empty for anything else (also for the non-special-use attributes).
     */
    public static Optional<MailboxAttribute> specialUse(String imapName) {
        if (imapName != null) {
            String wanted = imapName.toLowerCase(Locale.ROOT);
            for (MailboxAttribute a : values()) {
                if (a.isSpecialUse() && a.imapName.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
