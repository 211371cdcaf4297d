package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code subscriptions} file as Dovecot 2.3 writes it: a {@code V\t2} line, an empty
 * line, then one mailbox per line with the hierarchy levels (in their on-disk form) joined
 * by TAB. A file without the version line is the old format: one name per line with
 * {@code /} levels. Changes are written under {@code subscriptions.lock} and renamed into
 * place. Not thread-safe.
 */
public final class Subscriptions {
    private static final String HEADER = "V\t2\n\n";

    private final Path file;
    private final MaildirFolders folders;

    Subscriptions(Path file, MaildirFolders folders) {
        this.file = file;
        this.folders = folders;
    }

    public Path file() {
        return file;
    }

    /** Subscribed names in file order; a missing file is none. */
    public List<String> read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return List.of();
        }
        boolean v2 = text.startsWith("V\t2\n");
        List<String> names = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = v2 ? 1 : 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            if (!v2) {
                names.add(lines[i]);
                continue;
            }
            List<String> levels = new ArrayList<>();
            for (String level : lines[i].split("\t", -1)) {
                levels.add(folders.fromStorage(level));
            }
            names.add(String.join("/", levels));
        }
        return names;
    }

    public void subscribe(String name) throws IOException {
        change(name, true);
    }

    public void unsubscribe(String name) throws IOException {
        change(name, false);
    }

    private void change(String name, boolean add) throws IOException {
        String canonical = MaildirFolders.isInbox(name) ? "INBOX" : name;
        if (!MaildirFolders.isInbox(name)) {
            folders.storageLevels(name);
        }
        try (Dotlock lock = Dotlock.acquire(file)) {
            Set<String> names = new LinkedHashSet<>(read());
            boolean changed = add ? names.add(canonical) : names.remove(canonical);
            if (changed) {
                lock.replace(render(names).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Replaces the whole list at once (under the lock, renamed into place); INBOX in any case is INBOX. */
    public void replace(Collection<String> names) throws IOException {
        Set<String> canonical = new LinkedHashSet<>();
        for (String name : names) {
            if (MaildirFolders.isInbox(name)) {
                canonical.add("INBOX");
            } else {
                folders.storageLevels(name);
                canonical.add(name);
            }
        }
        try (Dotlock lock = Dotlock.acquire(file)) {
            lock.replace(render(canonical).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String render(Set<String> names) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (String name : names) {
            List<String> levels = MaildirFolders.isInbox(name) ? List.of("INBOX") : folders.storageLevels(name);
            sb.append(String.join("\t", levels)).append('\n');
        }
        return sb.toString();
    }
}
