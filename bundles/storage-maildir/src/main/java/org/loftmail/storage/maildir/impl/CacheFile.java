package org.loftmail.storage.maildir.impl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storage core's message cache log of one mailbox, kept as {@value #NAME} next to
 * {@code loft-index} in the mailbox's index directory; nothing at all for {@code INDEX=MEMORY}.
 * Appends go to the end without fsync (the core checksums each record and ignores a torn tail);
 * a replacement is written like the index (temporary file, fsync, rename, directory fsync).
 * Dovecot ignores the file.
 */
final class CacheFile {
    static final String NAME = "loft-cache";
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path file;

    /** @param indexDir the mailbox's index directory, or null to keep nothing */
    CacheFile(Path indexDir) {
        this.file = indexDir == null ? null : indexDir.resolve(NAME);
    }

    /** The log, or null when there is none. */
    InputStream read() throws IOException {
        if (file == null) {
            return null;
        }
        try {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    void append(byte[] records) throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            writeAll(ch, records);
        }
    }

    void replace(byte[] log) throws IOException {
        if (file == null) {
            return;
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(NAME + ".tmp." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeAll(ch, log);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Fsync.directory(dir);
    }

    private static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
