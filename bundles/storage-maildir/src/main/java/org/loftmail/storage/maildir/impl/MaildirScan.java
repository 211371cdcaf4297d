package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists a maildir's {@code new/} and {@code cur/} and matches the files to
 * {@code dovecot-uidlist} records by base name, so a file whose flags changed keeps its UID.
 * Files without a record (e.g. dropped into {@code new/} by an MDA) get the next UIDs, in
 * file name order (the name starts with the delivery time). A session that takes \Recent
 * moves {@code new/} files to {@code cur/} first, as Dovecot does.
 */
public final class MaildirScan {

    /** One message file with its UID; {@code recent} when this scan took it from new/. */
    public record Message(long uid, Path path, MaildirFilename name, boolean inNew, boolean recent) {
    }

    private static final int MAX_RESCANS = 5;

    private MaildirScan() {
    }

    /**
     * Scans {@code mailbox}; {@code uidList} is its uidlist (in the mailbox or its CONTROL
     * directory). Returns the messages in UID order.
     */
    public static List<Message> scan(Path mailbox, MaildirUidList uidList, boolean takeRecent) throws IOException {
        Set<String> recent = takeRecent ? moveNewToCur(mailbox) : Set.of();
        return assign(listStable(mailbox).byBase(), uidList, recent);
    }

    /**
     * A listing of new/ and cur/ by base name, with the stamps both directories had before it (and
     * still had after it) and when those were read.
     */
    record Listing(Map<String, Message> byBase, Stamp newDir, Stamp curDir, Instant readAt) {
        boolean settled() {
            return newDir.settledAt(readAt) && curDir.settledAt(readAt);
        }
    }

    /**
     * Gives the listed files (by base name, UIDs ignored) their UIDs from {@code uidList}, appending
     * records for files it does not know; returns them in UID order.
     */
    static List<Message> assign(Map<String, Message> byBase, MaildirUidList uidList, Set<String> recent)
            throws IOException {
        uidList.refresh();
        List<MaildirUidList.NewRecord> unknown = byBase.keySet().stream()
                .filter(base -> uidList.byBase(base).isEmpty())
                .sorted()
                .map(MaildirUidList.NewRecord::new)
                .toList();
        if (!unknown.isEmpty()) {
            uidList.append(unknown);
        }
        List<Message> messages = new ArrayList<>();
        for (Message m : byBase.values()) {
            long uid = uidList.byBase(m.name().base()).orElseThrow().uid();
            messages.add(new Message(uid, m.path(), m.name(), m.inNew(), recent.contains(m.name().base())));
        }
        messages.sort(Comparator.comparingLong(Message::uid));
        return messages;
    }

    /**
     * Lists new/ then cur/ (a file moved between the two listings is seen twice, never
     * missed); if either directory changed while it was read (a rename during
     * readdir may hide a file), lists again, as Dovecot does.
     */
    static Listing listStable(Path mailbox) throws IOException {
        Path newDir = mailbox.resolve("new");
        Path curDir = mailbox.resolve("cur");
        Listing listing = null;
        for (int attempt = 0; attempt < MAX_RESCANS; attempt++) {
            Map<String, Message> byBase = new HashMap<>();
            Instant readAt = Instant.now();
            Stamp n = Stamp.of(newDir);
            Stamp c = Stamp.of(curDir);
            list(newDir, true, byBase);
            list(curDir, false, byBase);
            listing = new Listing(byBase, n, c, readAt);
            if (n.equals(Stamp.of(newDir)) && c.equals(Stamp.of(curDir))) {
                return listing;
            }
        }
        // still changing: the stamps read before the last listing are older than what it saw
        return listing;
    }

    /** Moves every file of new/ into cur/ with a {@code :2,} info; returns their base names. */
    static Set<String> moveNewToCur(Path mailbox) throws IOException {
        Set<String> moved = new HashSet<>();
        Path cur = mailbox.resolve("cur");
        for (Path p : files(mailbox.resolve("new"))) {
            MaildirFilename name = MaildirFilename.parse(p.getFileName().toString());
            MaildirFilename curName = name.info() == null ? new MaildirFilename(name.base(), "2,") : name;
            try {
                Files.move(p, cur.resolve(curName.fileName()));
                moved.add(name.base());
            } catch (NoSuchFileException takenByAnother) {
                // another session moved or expunged it first: it is not our \Recent
            }
        }
        if (!moved.isEmpty()) {
            Fsync.directory(cur);
            Fsync.directory(mailbox.resolve("new"));
        }
        return moved;
    }

    private static void list(Path dir, boolean isNew, Map<String, Message> byBase) throws IOException {
        for (Path p : files(dir)) {
            MaildirFilename name;
            try {
                name = MaildirFilename.parse(p.getFileName().toString());
            } catch (IllegalArgumentException notAMessage) {
                continue;
            }
            byBase.put(name.base(), new Message(0, p, name, isNew, false));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException missing) {
            return files;
        }
        return files;
    }
}
