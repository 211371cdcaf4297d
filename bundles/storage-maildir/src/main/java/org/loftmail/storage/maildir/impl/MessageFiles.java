package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Uses a message file whose path came from an earlier scan: when another process renamed it
 * meanwhile (a flag change, a move from {@code new/} to {@code cur/}) it is found again by its
 * base name and used once more; a file not found is gone (expunged). Reads only the directories,
 * never the uidlist, so any thread may call it.
 */
final class MessageFiles {
    private MessageFiles() {
    }

    /** The current path of the message with this base name, or empty when it is gone. */
    static Optional<Path> locate(Path mailbox, String base) throws IOException {
        for (String sub : new String[] {"cur", "new"}) {
            Optional<Path> found = find(mailbox.resolve(sub), base);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> find(Path dir, String base) throws IOException {
        DirectoryStream.Filter<Path> sameBase = p -> p.getFileName().toString().startsWith(base);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, sameBase)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.equals(base) || name.startsWith(base + ":")) {
                    return Optional.of(p);
                }
            }
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The message opened for reading, or empty when it is gone. */
    static Optional<FileChannel> open(Path mailbox, MaildirScan.Message m) throws IOException {
        try {
            return Optional.of(FileChannel.open(m.path(), StandardOpenOption.READ));
        } catch (NoSuchFileException renamed) {
            Optional<Path> now = locate(mailbox, m.name().base());
            if (now.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(FileChannel.open(now.get(), StandardOpenOption.READ));
            } catch (NoSuchFileException gone) {
                return Optional.empty();
            }
        }
    }

    /** Removes the message's file wherever it is now; a file already gone is fine. */
    static void unlink(Path mailbox, MaildirScan.Message m) throws IOException {
        unlink(mailbox, m, p -> { });
    }

    /** As {@link #unlink(Path, MaildirScan.Message)}, telling {@code beforeDelete} each path it removes. */
    static void unlink(Path mailbox, MaildirScan.Message m, java.util.function.Consumer<Path> beforeDelete)
            throws IOException {
        try {
            beforeDelete.accept(m.path());
            Files.delete(m.path());
        } catch (NoSuchFileException renamed) {
            Optional<Path> now = locate(mailbox, m.name().base());
            if (now.isPresent()) {
                beforeDelete.accept(now.get());
                Files.deleteIfExists(now.get());
            }
        }
    }
}
