package org.loftmail.api.storage;

/** The IMAP system flags a message stores. {@code \Recent} is not one: it belongs to a session's view. */
public enum Flag {
    SEEN("\\Seen"), ANSWERED("\\Answered"), FLAGGED("\\Flagged"), DELETED("\\Deleted"), DRAFT("\\Draft");

    private final String imapName;

    Flag(String imapName) {
        this.imapName = imapName;
    }

    /** The IMAP spelling, e.g. {@code \Seen}. */
    public String imapName() {
        return imapName;
    }

    /** The flag for an IMAP name (case-insensitive), or {@code null} when it is not a system flag. */
    public static Flag fromImap(String name) {
        for (Flag f : values()) {
            if (f.imapName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
