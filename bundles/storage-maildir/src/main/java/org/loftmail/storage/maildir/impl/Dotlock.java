package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * A dotlock as Dovecot takes it on {@code dovecot-uidlist}, {@code dovecot-keywords} and
 * {@code subscriptions}: the file {@code <target>.lock} created exclusively. Whoever holds
 * it may either {@link #replace} the target with new content written into the lock file
 * (fsync'd, then renamed over the target: an atomic replace) or just {@link #close} it.
 *
 * <p>A lock file not modified for longer than the stale timeout is taken over, as Dovecot
 * does (it uses two minutes for the uidlist). Not thread-safe; one holder at a time.
 */
public final class Dotlock implements AutoCloseable {
    /** Dovecot's stale timeout for {@code dovecot-uidlist.lock}. */
    public static final Duration DEFAULT_STALE = Duration.ofMinutes(2);
    /** How long to wait for a lock before giving up, as Dovecot's uidlist lock timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final Path target;
    private final Path lock;
    private final FileChannel channel;
    private boolean done;

    private Dotlock(Path target, Path lock, FileChannel channel) {
        this.target = target;
        this.lock = lock;
        this.channel = channel;
    }

    public static Path lockPath(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    public static Dotlock acquire(Path target) throws IOException {
        return acquire(target, DEFAULT_STALE, DEFAULT_TIMEOUT);
    }

    /** Waits for the lock; throws {@link LockTimeoutException} after {@code timeout}. */
    public static Dotlock acquire(Path target, Duration stale, Duration timeout) throws IOException {
        Path lock = lockPath(target);
        Instant deadline = Instant.now().plus(timeout);
        long pauseNanos = 1_000_000;
        while (true) {
            try {
                FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    DirPermissions.inherit(lock, lock.getParent());
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    Files.deleteIfExists(lock);
                    throw e;
                }
                return new Dotlock(target, lock, ch);
            } catch (FileAlreadyExistsException held) {
                if (isStale(lock, stale)) {
                    Files.deleteIfExists(lock);
                    continue;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LockTimeoutException("timed out after " + timeout + " waiting for " + lock);
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 100_000_000);
        }
    }

    private static boolean isStale(Path lock, Duration stale) throws IOException {
        try {
            FileTime modified = Files.getLastModifiedTime(lock);
            return modified.toInstant().plus(stale).isBefore(Instant.now());
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Writes content into the lock file, fsyncs it and renames it over the target. */
    public void replace(byte[] content) throws IOException {
        ensureHeld();
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(true);
        channel.close();
        Files.move(lock, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        done = true;
        Fsync.directory(target.getParent());
    }

    /** Releases the lock without changing the target. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        channel.close();
        Files.deleteIfExists(lock);
    }

    private void ensureHeld() {
        if (done) {
            throw new IllegalStateException("the lock on " + target + " is released");
        }
    }

    /** The lock was held by someone else for longer than the caller would wait. */
    public static final class LockTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        LockTimeoutException(String message) {
            super(message);
        }
    }
}
