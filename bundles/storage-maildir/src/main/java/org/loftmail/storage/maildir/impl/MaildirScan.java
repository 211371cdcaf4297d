package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        Map<String, Message> byBase = listStable(mailbox);
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
    private static Map<String, Message> listStable(Path mailbox) throws IOException {
        Map<String, Message> byBase = new LinkedHashMap<>();
        for (int attempt = 0; attempt < MAX_RESCANS; attempt++) {
            byBase.clear();
            List<FileTime> before = mtimes(mailbox);
            list(mailbox.resolve("new"), true, byBase);
            list(mailbox.resolve("cur"), false, byBase);
            if (before.equals(mtimes(mailbox))) {
                break;
            }
        }
        return byBase;
    }

    private static List<FileTime> mtimes(Path mailbox) throws IOException {
        List<FileTime> times = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            try {
                times.add(Files.getLastModifiedTime(mailbox.resolve(sub)));
            } catch (NoSuchFileException missing) {
                times.add(FileTime.fromMillis(0));
            }
        }
        return times;
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
