package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The cheap change token of a maildir: the mtimes of {@code new/} and {@code cur/} (a file added,
 * renamed or removed), and size, mtime and inode of {@code dovecot-uidlist} and
 * {@code dovecot-keywords}. File times are coarse (a few milliseconds, a second on some file
 * systems), so two changes in one tick may leave the same stamp; as Dovecot does, a stamp younger
 * than {@link #SETTLE} is not trusted and every call answers a new value until it settles.
 */
final class MaildirRevision {
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final long SPREAD = 0x9E37_79B9_7F4A_7C15L;

    private final Path[] dirs;
    private final Path[] files;
    private long unsettled;

    MaildirRevision(Path mailbox, Path control) {
        this.dirs = new Path[] {mailbox.resolve("new"), mailbox.resolve("cur")};
        this.files = new Path[] {control.resolve(MaildirUidList.FILE), control.resolve(MaildirKeywords.FILE)};
    }

    long current() throws IOException {
        Instant settled = Instant.now().minus(SETTLE);
        long hash = 17;
        boolean fresh = false;
        for (Path p : dirs) {
            BasicFileAttributes a = attributes(p);
            if (a != null) {
                Instant m = a.lastModifiedTime().toInstant();
                fresh |= m.isAfter(settled);
                hash = hash * 31 + m.hashCode();
            }
            hash = hash * 31 + (a == null ? 0 : 1);
        }
        for (Path p : files) {
            BasicFileAttributes a = attributes(p);
            if (a != null) {
                Instant m = a.lastModifiedTime().toInstant();
                fresh |= m.isAfter(settled);
                hash = hash * 31 + Objects.hash(m, a.size(), a.fileKey());
            }
            hash = hash * 31 + (a == null ? 0 : 1);
        }
        return fresh ? hash + ++unsettled * SPREAD : hash;
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException missing) {
            return null;
        }
    }
}
