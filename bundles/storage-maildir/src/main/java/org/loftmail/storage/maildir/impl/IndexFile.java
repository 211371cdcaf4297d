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
 * control directory. Written into a unique temporary file, fsync'd, renamed over the old one and
 * the directory fsync'd: a crash leaves the old blob or the new one, never a torn one. Dovecot
 * ignores the file.
 */
final class IndexFile {
    static final String NAME = "loft-index";
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path file;

    IndexFile(Path controlDir) {
        this.file = controlDir.resolve(NAME);
    }

    /** The blob, or null when there is none. */
    byte[] read() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    void write(byte[] blob) throws IOException {
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
