package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storage core's opaque index blob of one mailbox, kept as {@value #NAME} in the mailbox's
 * index directory ({@code INDEX=}, else the control directory), or only in memory for
 * {@code INDEX=MEMORY} (lost with the handle: the core then rebuilds its state from the list). Written into a unique temporary file, fsync'd, renamed over the old one and
 * the directory fsync'd: a crash leaves the old blob or the new one, never a torn one. Dovecot
 * ignores the file.
 */
final class IndexFile {
    static final String NAME = "loft-index";
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path file;
    /** The blob when kept in memory ({@code file} null). */
    private volatile byte[] memory;

    /** @param indexDir the mailbox's index directory, or null to keep the blob in memory only */
    IndexFile(Path indexDir) {
        this.file = indexDir == null ? null : indexDir.resolve(NAME);
    }

    /** The blob, or null when there is none. */
    byte[] read() throws IOException {
        if (file == null) {
            byte[] m = memory;
            return m == null ? null : m.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    void write(byte[] blob) throws IOException {
        if (file == null) {
            memory = blob.clone();
            return;
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(NAME + ".tmp." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(blob);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Fsync.directory(dir);
    }
}
