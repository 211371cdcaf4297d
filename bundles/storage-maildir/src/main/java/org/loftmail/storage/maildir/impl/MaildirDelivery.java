package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Set;

/**
 * Writes one message into a maildir the crash-safe way: into {@code tmp/}, fsync the file,
 * hard-link it into {@code new/} or {@code cur/} under its final name (a link never replaces
 * an existing file, unlike rename), remove the tmp name, and fsync the target directory, all
 * before returning (as Dovecot, which fsyncs new/ or cur/ but not tmp/). A write that fails or is cut short never shows up in {@code new/} or
 * {@code cur/}; its tmp file is removed. Thread-safe.
 */
public final class MaildirDelivery {
    /** Where the message goes: {@code new/} (unseen by any session, \Recent) or {@code cur/}. */
    public enum Target { NEW, CUR }

    /** The delivered file and its sizes ({@code vsize} counts line ends as CRLF). */
    public record Delivered(Path path, MaildirFilename name, long size, long vsize) {
    }

    private final UniqueNames names;

    public MaildirDelivery(UniqueNames names) {
        this.names = names;
    }

    public Delivered deliver(Path mailbox, InputStream message, Target target, Set<MaildirFlag> flags,
            Set<Integer> keywords) throws IOException {
        return deliver(mailbox, message, target, flags, keywords, null);
    }

    /**
     * As {@link #deliver(Path, InputStream, Target, Set, Set)}, with the file's mtime set to
     * {@code mtime} before it is fsync'd and published (maildir's INTERNALDATE, as Dovecot keeps it).
     *
     * @param mtime the modification time to give the file, or null to keep the time of writing
     */
    public Delivered deliver(Path mailbox, InputStream message, Target target, Set<MaildirFlag> flags,
            Set<Integer> keywords, FileTime mtime) throws IOException {
        return deliver(mailbox, message, target, flags, keywords, mtime, dest -> { });
    }

    /**
     * As {@link #deliver(Path, InputStream, Target, Set, Set, FileTime)}, telling {@code beforePublish}
     * the final path just before the file appears there (so a watcher can know it as its own).
     */
    Delivered deliver(Path mailbox, InputStream message, Target target, Set<MaildirFlag> flags,
            Set<Integer> keywords, FileTime mtime, java.util.function.Consumer<Path> beforePublish)
            throws IOException {
        String unique = names.next();
        Path tmp = mailbox.resolve("tmp").resolve(unique);
        long[] sizes;
        try {
            sizes = write(tmp, message, mtime);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        String base = unique + ",S=" + sizes[0] + ",W=" + sizes[1];
        MaildirFilename name = target == Target.NEW && flags.isEmpty() && keywords.isEmpty()
                ? new MaildirFilename(base, null) : MaildirFilename.of(base, flags, keywords);
        Path dir = mailbox.resolve(target == Target.NEW ? "new" : "cur");
        Path dest = dir.resolve(name.fileName());
        try {
            beforePublish.accept(dest);
            publish(tmp, dest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Fsync.directory(dir);
        // tmp/ is not fsync'd: a tmp name that comes back after a crash is only a stale tmp file
        return new Delivered(dest, name, sizes[0], sizes[1]);
    }

    private static void publish(Path tmp, Path dest) throws IOException {
        try {
            Files.createLink(dest, tmp);
            Files.delete(tmp);
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw noLinks instanceof IOException io ? io : new IOException(noLinks);
            }
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Copies and fsyncs; returns {size, vsize}. */
    private static long[] write(Path tmp, InputStream in, FileTime mtime) throws IOException {
        long size = 0;
        long bareLf = 0;
        byte previous = 0;
        byte[] chunk = new byte[64 * 1024];
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DirPermissions.inherit(tmp, tmp.getParent());
            for (int n; (n = in.read(chunk)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n' && previous != '\r') {
                        bareLf++;
                    }
                    previous = chunk[i];
                }
                ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                size += n;
            }
            if (mtime != null) {
                Files.setLastModifiedTime(tmp, mtime);
            }
            ch.force(true);
        }
        return new long[] {size, size + bareLf};
    }
}
