package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dotlock as Dovecot takes it on {@code dovecot-uidlist}, {@code dovecot-keywords} and
 * {@code subscriptions}: the file {@code <target>.lock} created exclusively, holding
 * {@code <pid>:<hostname>} as Dovecot's {@code file_dotlock_create} writes it. Whoever holds it
 * may either {@link #replace} the target (new content written into {@code <target>.loft.tmp},
 * fsync'd, renamed over the target: an atomic replace) or just {@link #close} it.
 *
 * <p>A lock file not modified for longer than the stale timeout is taken over, as Dovecot does
 * (two minutes for the uidlist). A lock whose content names a process on this host that no
 * longer exists (killed while holding it) is taken over at once, as Dovecot's {@code check_lock}
 * does with {@code kill(pid, 0)}; a live process (this JVM included: another thread may hold it),
 * another host or content that is no pid (e.g. an older Loft) waits for the stale timeout. Not
 * thread-safe; one holder at a time.
 */
public final class Dotlock implements AutoCloseable {
    /** Dovecot's stale timeout for {@code dovecot-uidlist.lock}. */
    public static final Duration DEFAULT_STALE = Duration.ofMinutes(2);
    /** How long to wait for a lock before giving up, as Dovecot's uidlist lock timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(Dotlock.class);
    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();
    private static final java.util.concurrent.atomic.AtomicLong TEMP = new java.util.concurrent.atomic.AtomicLong();

    private final Path target;
    private final Path lock;
    private final FileChannel channel;
    private boolean done;

    /**
     * Locks this JVM is creating or holds, by absolute path, with a count; each entry is also the
     * monitor that makes "create" and "break a lock naming our own pid" exclusive within the JVM.
     * Entries stay (one per lock path used).
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.atomic.AtomicInteger>
            IN_USE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Lock files the current thread holds (so a nested caller does not wait for itself). */
    private static final ThreadLocal<java.util.Set<Path>> MINE = ThreadLocal.withInitial(java.util.HashSet::new);

    private Dotlock(Path target, Path lock, FileChannel channel) {
        this.target = target;
        this.lock = lock;
        this.channel = channel;
        MINE.get().add(lock.toAbsolutePath().normalize());
    }

    /** Whether the current thread holds the dotlock of {@code target}. */
    public static boolean heldByThisThread(Path target) {
        return MINE.get().contains(lockPath(target).toAbsolutePath().normalize());
    }

    private static java.util.concurrent.atomic.AtomicInteger inUse(Path lock) {
        return IN_USE.computeIfAbsent(lock.toAbsolutePath().normalize(),
                k -> new java.util.concurrent.atomic.AtomicInteger());
    }

    /** Creates the lock file, counted as this JVM's while it exists. */
    private static FileChannel createCounted(Path lock) throws IOException {
        java.util.concurrent.atomic.AtomicInteger count = inUse(lock);
        synchronized (count) {
            count.incrementAndGet();
            try {
                return create(lock);
            } catch (IOException | RuntimeException e) {
                count.decrementAndGet();
                throw e;
            }
        }
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
                return new Dotlock(target, lock, createCounted(lock));
            } catch (FileAlreadyExistsException held) {
                if (isStale(lock, stale) || ownerDied(lock)) {
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

    /**
     * Creates the lock already holding {@code <pid>:<host>}: written into a temporary file that is
     * then hard-linked as the lock (a link never replaces an existing file), so a process killed
     * at any moment never leaves an empty lock that only the stale timeout could break. Where
     * links are not supported the lock is created exclusively and written after.
     */
    private static FileChannel create(Path lock) throws IOException {
        byte[] owner = owner().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path tmp = lock.resolveSibling(lock.getFileName() + "." + PID + "." + TEMP.incrementAndGet() + ".tmp");
        boolean linked = false;
        try {
            try (FileChannel t = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                t.write(ByteBuffer.wrap(owner));
            }
            DirPermissions.inherit(tmp, tmp.getParent());
            Files.createLink(lock, tmp);
            linked = true;
        } catch (FileAlreadyExistsException held) {
            throw held;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
            if (noLinks instanceof java.nio.file.NoSuchFileException missingDir) {
                throw missingDir;
            }
            // no hard links here: create and write (a kill in between leaves an empty lock)
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (linked) {
            return FileChannel.open(lock, StandardOpenOption.WRITE);
        }
        FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ch.write(ByteBuffer.wrap(owner));
            DirPermissions.inherit(lock, lock.getParent());
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(lock);
            throw e;
        }
        return ch;
    }

    /** Removes a lock untouched for longer than {@code stale}; true when it did. */
    private static boolean isStale(Path lock, Duration stale) throws IOException {
        try {
            FileTime modified = Files.getLastModifiedTime(lock);
            if (!modified.toInstant().plus(stale).isBefore(Instant.now())) {
                return false;
            }
        } catch (NoSuchFileException gone) {
            return false;
        }
        LOG.warn("Overriding stale dotlock {} (not modified for {})", lock, stale);
        Files.deleteIfExists(lock);
        return true;
    }

    /**
     * Removes the lock when it names a process on this host that is gone; true when it did. The
     * lock is removed only while it is still the same file (inode, size, mtime) whose pid was read,
     * so a lock another process took meanwhile is left alone.
     */
    private static boolean ownerDied(Path lock) throws IOException {
        BasicFileAttributes before;
        byte[] content;
        try {
            before = Files.readAttributes(lock, BasicFileAttributes.class);
            if (before.size() > 512) {
                return false;
            }
            content = Files.readAllBytes(lock);
        } catch (NoSuchFileException gone) {
            return false;
        }
        OptionalLong pid = localPid(new String(content, java.nio.charset.StandardCharsets.US_ASCII));
        if (pid.isEmpty()) {
            return false;
        }
        if (pid.getAsLong() == PID) {
            // our pid: held by a thread of ours, or left by an earlier process that had the same pid
            // (a restarted container's JVM often does); decided under the JVM-wide monitor
            java.util.concurrent.atomic.AtomicInteger count = inUse(lock);
            synchronized (count) {
                return count.get() == 0 && removeIfUnchanged(lock, before, pid.getAsLong());
            }
        }
        if (ProcessHandle.of(pid.getAsLong()).isPresent()) {
            return false;
        }
        return removeIfUnchanged(lock, before, pid.getAsLong());
    }

    private static boolean removeIfUnchanged(Path lock, BasicFileAttributes before, long pid) throws IOException {
        try {
            BasicFileAttributes now = Files.readAttributes(lock, BasicFileAttributes.class);
            if (!Objects.equals(now.fileKey(), before.fileKey()) || now.size() != before.size()
                    || !now.lastModifiedTime().equals(before.lastModifiedTime())) {
                return false;
            }
        } catch (NoSuchFileException gone) {
            return false;
        }
        LOG.warn("Overriding dotlock {}: its process {} on this host is gone", lock, pid);
        Files.deleteIfExists(lock);
        return true;
    }

    /** The pid of {@code <pid>:<host>} content when the host is this one. */
    static OptionalLong localPid(String content) {
        String s = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        int colon = s.indexOf(':');
        if (colon <= 0 || !s.substring(colon + 1).equals(HOST)) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(s.substring(0, colon));
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException notAPid) {
            return OptionalLong.empty();
        }
    }

    /** What this process writes into its locks: {@code <pid>:<hostname>}, as Dovecot. */
    static String owner() {
        return PID + ":" + HOST;
    }

    /** The host name as {@code gethostname()} gives it (Dovecot's {@code my_hostname}). */
    private static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall back to the JDK's view
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * Writes content into {@code <target>.loft.tmp}, fsyncs it and renames it over the target,
     * then releases the lock (the lock file keeps the owner's pid to the end).
     */
    public void replace(byte[] content) throws IOException {
        ensureHeld();
        Path tmp = target.resolveSibling(target.getFileName() + ".loft.tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            DirPermissions.inherit(tmp, tmp.getParent());
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(target.getParent());
        close();
    }

    /** Releases the lock without changing the target. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        MINE.get().remove(lock.toAbsolutePath().normalize());
        try {
            channel.close();
            Files.deleteIfExists(lock);
        } finally {
            inUse(lock).decrementAndGet();
        }
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
