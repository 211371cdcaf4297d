package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/**
 * IMAP flags to maildir file name letters and back: system flags are the {@code :2,} capitals
 * ({@code \Answered} is {@code R}, {@code \Deleted} is {@code T}), keywords the letters {@code a-z}
 * named in {@code dovecot-keywords}. A keyword beyond the 26 letters cannot be stored in a maildir
 * and is refused rather than silently lost.
 */
final class FlagMapping {
    private FlagMapping() {
    }

    /** A file name's flags in IMAP terms; letters without a keyword name are skipped, as Dovecot does. */
    static Flags toFlags(MaildirFilename name, MaildirKeywords keywords) {
        Set<Flag> system = EnumSet.noneOf(Flag.class);
        for (MaildirFlag f : name.flags()) {
            f.imap().map(Flag::fromImap).ifPresent(system::add);
        }
        Set<String> names = new HashSet<>();
        for (int k : name.keywords()) {
            String n = keywords.name(k);
            if (n != null && Flags.validKeyword(n)) {
                names.add(n);
            }
        }
        return new Flags(system, names);
    }

    static Set<MaildirFlag> systemLetters(Flags flags) {
        Set<MaildirFlag> out = EnumSet.noneOf(MaildirFlag.class);
        for (Flag f : flags.system()) {
            MaildirFlag.ofImap(f.imapName()).ifPresent(out::add);
        }
        return out;
    }

    /** The keyword letter indexes, giving new keywords a letter in {@code dovecot-keywords}. */
    static Set<Integer> keywordLetters(Flags flags, MaildirKeywords keywords) throws StorageException, IOException {
        Set<Integer> out = new TreeSet<>();
        for (String k : flags.keywords()) {
            // IMAP keywords compare case-insensitively: an existing spelling keeps its letter
            OptionalInt index = keywords.assign(k);
            if (index.isEmpty()) {
                throw new StorageException(StorageError.NOT_POSSIBLE,
                        "A maildir holds at most " + MaildirKeywords.MAX + " keywords; no letter is left for " + k);
            }
            out.add(index.getAsInt());
        }
        return out;
    }
}
