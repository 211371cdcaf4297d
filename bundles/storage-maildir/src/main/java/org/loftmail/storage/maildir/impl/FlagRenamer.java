package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageException;

/**
 * Changes flags the maildir way: by renaming the file to {@code cur/<base>:2,<letters>}. The
 * {@code P} (passed) letter and letters Loft does not know are kept. A file renamed meanwhile by
 * another process is found again by its base name and renamed once more; a file that is gone
 * was expunged and is skipped. Every keyword gets its letter before any file is renamed, so a
 * refused keyword changes nothing.
 */
final class FlagRenamer {
    /** Told each rename just before it happens. */
    interface Moves {
        void moving(Path from, Path to);
    }

    private final Path dir;
    private final MaildirKeywords keywords;
    private final Moves moves;

    FlagRenamer(Path dir, MaildirKeywords keywords) {
        this(dir, keywords, (from, to) -> { });
    }

    FlagRenamer(Path dir, MaildirKeywords keywords, Moves moves) {
        this.dir = dir;
        this.keywords = keywords;
        this.moves = moves;
    }

    /** Renames the files of {@code flags}' UIDs and updates {@code files} to their new paths. */
    void rename(Map<Long, Flags> flags, Map<Long, MaildirScan.Message> files) throws IOException, StorageException {
        Map<Long, Set<Integer>> letters = new HashMap<>();
        for (Map.Entry<Long, Flags> e : flags.entrySet()) {
            letters.put(e.getKey(), FlagMapping.keywordLetters(e.getValue(), keywords));
        }
        for (Map.Entry<Long, Flags> e : flags.entrySet()) {
            MaildirScan.Message m = files.get(e.getKey());
            if (m == null) {
                continue;
            }
            Set<MaildirFlag> system = FlagMapping.systemLetters(e.getValue());
            MaildirScan.Message renamed = renameOne(m, system, letters.get(e.getKey()));
            if (renamed == null) {
                files.remove(e.getKey());
            } else {
                files.put(e.getKey(), renamed);
            }
        }
    }

    /** The message under its new name, or null when it is gone. */
    private MaildirScan.Message renameOne(MaildirScan.Message m, Set<MaildirFlag> system, Set<Integer> kw)
            throws IOException {
        Path from = m.path();
        MaildirFilename name = m.name();
        for (int attempt = 0; attempt < 2; attempt++) {
            MaildirFilename next = name.withFlags(withPassed(system, name), kw);
            Path to = dir.resolve("cur").resolve(next.fileName());
            if (to.equals(from)) {
                return m;
            }
            try {
                moves.moving(from, to);
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                return new MaildirScan.Message(m.uid(), to, next, false, false);
            } catch (NoSuchFileException renamedByOthers) {
                Optional<Path> now = MessageFiles.locate(dir, name.base());
                if (now.isEmpty()) {
                    return null;
                }
                from = now.get();
                name = MaildirFilename.parse(from.getFileName().toString());
            }
        }
        return null;
    }

    private static Set<MaildirFlag> withPassed(Set<MaildirFlag> system, MaildirFilename old) {
        Set<MaildirFlag> out = system.isEmpty() ? EnumSet.noneOf(MaildirFlag.class) : EnumSet.copyOf(system);
        if (old.flags().contains(MaildirFlag.PASSED)) {
            out.add(MaildirFlag.PASSED);
        }
        return out;
    }
}
