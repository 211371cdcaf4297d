package org.loftmail.storage.maildir.impl;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * What a stat says about a directory or file, to tell whether it changed: mtime (nanoseconds),
 * size and inode ({@code fileKey}). File times are coarse (a kernel tick, a second on some file
 * systems), so a change made in the same tick as the stamp was taken leaves it equal: a stamp
 * is only trusted as "nothing changed since" once its mtime is older than {@link #SETTLE} at the
 * time it was read, as Dovecot treats a maildir whose mtime is too new as dirty.
 */
record Stamp(boolean exists, long mtimeNanos, long size, String key) {
    /** How old an mtime must be before an equal one proves nothing changed (covers 1-2 s granularity). */
    static final Duration SETTLE = Duration.ofSeconds(2);
    static final Stamp MISSING = new Stamp(false, 0, 0, "");

    static Stamp of(Path p) throws IOException {
        if (!Files.exists(p)) {
            // cheap (no exception) for files that are usually absent, such as dovecot-keywords
            return MISSING;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException missing) {
            return MISSING;
        }
        Instant m = a.lastModifiedTime().toInstant();
        return new Stamp(true, m.getEpochSecond() * 1_000_000_000L + m.getNano(), a.size(),
                a.fileKey() == null ? "" : a.fileKey().toString());
    }

    /** Whether this stamp, read at {@code readAt}, was old enough to prove nothing changed after. */
    boolean settledAt(Instant readAt) {
        if (!exists) {
            return true;
        }
        Instant limit = readAt.minus(SETTLE);
        return mtimeNanos < limit.getEpochSecond() * 1_000_000_000L + limit.getNano();
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(exists);
        out.writeLong(mtimeNanos);
        out.writeLong(size);
        out.writeUTF(key);
    }

    static Stamp read(DataInput in) throws IOException {
        return new Stamp(in.readBoolean(), in.readLong(), in.readLong(), in.readUTF());
    }
}
