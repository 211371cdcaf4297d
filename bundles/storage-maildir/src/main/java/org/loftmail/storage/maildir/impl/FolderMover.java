package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renames and deletes exactly one mailbox on disk, never its children. A Maildir++ folder is its
 * own directory and moves in one rename. INBOX (the root) and {@code LAYOUT=fs} folders share
 * their directory with child folders, so only the mailbox's own entries move: {@code cur/ new/
 * tmp/}, {@code dovecot-uidlist}, {@code dovecot-keywords}, Dovecot's index files and Loft's
 * index blob and message cache; directories left empty are removed, up to the root. The same
 * moves apply to a mailbox's directories under {@code CONTROL=} and {@code INDEX=}.
 */
final class FolderMover {
    private static final Set<String> OWN_DIRS = Set.of("cur", "new", "tmp");
    private static final Set<String> OWN_FILES = Set.of(MaildirUidList.FILE, MaildirKeywords.FILE, IndexFile.NAME,
            MessageCache.NAME, CacheFile.NAME, MaildirFolders.MARKER);

    private final Path root;
    private final boolean plusPlus;

    FolderMover(MailLocation location) {
        this.root = location.root().toAbsolutePath().normalize();
        this.plusPlus = location.layout() != MailLocation.Layout.FS;
    }

    /** Moves the mailbox at {@code from} (its maildir and, when apart, its control dir) to {@code to}. */
    void rename(Path from, Path to, boolean whole) throws IOException {
        if (whole && plusPlus && !Files.exists(to)) {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.createDirectories(to);
            for (Path own : ownEntries(from)) {
                Files.move(own, to.resolve(own.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            }
            removeEmpty(from);
        }
        Fsync.directory(to.getParent());
        if (Files.isDirectory(from.getParent())) {
            Fsync.directory(from.getParent());
        }
    }

    /** Deletes the mailbox's own entries at {@code dir}, and the directory when nothing else is left. */
    void delete(Path dir, boolean whole) throws IOException {
        if (whole && plusPlus) {
            deleteTree(dir.resolve("cur"));
            deleteTree(dir);
        } else {
            for (Path own : ownEntries(dir)) {
                deleteTree(own);
            }
            removeEmpty(dir);
        }
    }

    private static List<Path> ownEntries(Path dir) throws IOException {
        List<Path> own = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (OWN_DIRS.contains(n) || OWN_FILES.contains(n) || n.startsWith("dovecot.index")) {
                    own.add(n.equals("cur") ? 0 : own.size(), p);
                }
            }
        } catch (NoSuchFileException missing) {
            return own;
        }
        return own;
    }

    /** Removes {@code dir} and then its parents while they are empty, never the root. */
    private void removeEmpty(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath().normalize(); p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException inUse) {
                return;
            }
        }
    }

    static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
