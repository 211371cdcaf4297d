package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code dovecot-keywords} file of one maildir: lines {@code <index> <name>}, index 0..25
 * standing for the file name letters {@code a..z}. Lines that do not parse are ignored, as
 * Dovecot does. Not thread-safe; {@link #assign} takes the file's dotlock and re-reads it, so
 * two processes never give one letter two names.
 */
public final class MaildirKeywords {
    /** Letters a..z. */
    public static final int MAX = 26;
    public static final String FILE = "dovecot-keywords";

    private final Path file;
    private final String[] names = new String[MAX];

    private MaildirKeywords(Path file) {
        this.file = file;
    }

    /** Reads {@code dir/dovecot-keywords}; a missing file is an empty list. */
    public static MaildirKeywords read(Path dir) throws IOException {
        MaildirKeywords k = new MaildirKeywords(dir.resolve(FILE));
        k.reload();
        return k;
    }

    /** Re-reads the file. */
    /** The {@code dovecot-keywords} file (it may not exist). */
    Path file() {
        return file;
    }

    public void reload() throws IOException {
        Arrays.fill(names, null);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return;
        }
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1) {
                continue;
            }
            try {
                int index = Integer.parseInt(line.substring(0, space));
                if (index >= 0 && index < MAX) {
                    names[index] = line.substring(space + 1);
                }
            } catch (NumberFormatException ignored) {
                // Dovecot skips broken lines too
            }
        }
    }

    /** The name for a letter index, or null. */
    public String name(int index) {
        return index >= 0 && index < MAX ? names[index] : null;
    }

    /** The index of a name (keywords compare case-insensitively in IMAP). */
    public OptionalInt indexOf(String name) {
        for (int i = 0; i < MAX; i++) {
            if (names[i] != null && names[i].equalsIgnoreCase(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** All names by index, in index order. */
    public Map<Integer, String> all() {
        Map<Integer, String> all = new LinkedHashMap<>();
        for (int i = 0; i < MAX; i++) {
            if (names[i] != null) {
                all.put(i, names[i]);
            }
        }
        return all;
    }

    /**
     * The index of a name, giving it the first free letter (and rewriting the file) when new.
     * Empty when all 26 letters are taken: the keyword then cannot be stored in file names.
     */
    public OptionalInt assign(String name) throws IOException {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("not a keyword: '" + name + "'");
        }
        OptionalInt known = indexOf(name);
        if (known.isPresent()) {
            return known;
        }
        // Dovecot adds keywords only under dovecot-uidlist.lock (and may remove a stale
        // dovecot-keywords.lock): take it too, unless this thread already holds it
        Path uidList = file.resolveSibling(MaildirUidList.FILE);
        try (Dotlock uidLock = Dotlock.heldByThisThread(uidList) ? null : Dotlock.acquire(uidList);
                Dotlock lock = Dotlock.acquire(file)) {
            reload();
            known = indexOf(name);
            if (known.isPresent()) {
                return known;
            }
            for (int i = 0; i < MAX; i++) {
                if (names[i] == null) {
                    names[i] = name;
                    FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
                    lock.replace(render().getBytes(StandardCharsets.UTF_8));
                    growMtime(before);
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }
    }

    /**
     * Dovecot rereads dovecot-keywords only when its mtime (in seconds) changed since it last read
     * it, and makes the mtime grow by at least a second on every write ("mtime must grow every
     * time"): do the same, or a Dovecot session that read the file in this second misses the name.
     */
    private void growMtime(FileTime before) throws IOException {
        if (before == null) {
            return;
        }
        long oldSeconds = before.to(java.util.concurrent.TimeUnit.SECONDS);
        long now = Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.SECONDS);
        if (now <= oldSeconds) {
            Files.setLastModifiedTime(file, FileTime.from(oldSeconds + 1, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        all().forEach((i, n) -> sb.append(i).append(' ').append(n).append('\n'));
        return sb.toString();
    }
}
