package org.loftmail.storage.maildir.impl;

import java.util.Optional;

/**
 * The system flag letters of a maildir file name's {@code :2,} info, and the IMAP flag each
 * stands for in Dovecot. {@code P} (passed) has no IMAP system flag; it is kept as a letter.
 */
public enum MaildirFlag {
    DRAFT('D', "\\Draft"),
    FLAGGED('F', "\\Flagged"),
    PASSED('P', null),
    REPLIED('R', "\\Answered"),
    SEEN('S', "\\Seen"),
    TRASHED('T', "\\Deleted");

    private final char letter;
    private final String imap;

    MaildirFlag(char letter, String imap) {
        this.letter = letter;
        this.imap = imap;
    }

    public char letter() {
        return letter;
    }

    /** The IMAP system flag, e.g. {@code \Seen}; empty for {@link #PASSED}. */
    public Optional<String> imap() {
        return Optional.ofNullable(imap);
    }

    public static Optional<MaildirFlag> ofLetter(char letter) {
        for (MaildirFlag f : values()) {
            if (f.letter == letter) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<MaildirFlag> ofImap(String name) {
        for (MaildirFlag f : values()) {
            if (f.imap != null && f.imap.equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
