package org.loftmail.storage.maildir.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The driver's own cache of a maildir's message list, {@value #NAME} in the mailbox's index
 * directory ({@code INDEX=}, else the control directory next to {@code dovecot-uidlist}): per message the UID, file name (flags), directory, size,
 * virtual size, INTERNALDATE (the file's mtime) and save date, with the stamps of {@code new/}
 * and {@code cur/} it describes. A cold open that finds both directories unchanged (and the
 * stamps were settled when recorded) takes the list from here without reading a directory or
 * stat'ing a file; otherwise it lists the directories and stats only files the cache does not
 * know. UIDs and GUIDs are always taken from {@code dovecot-uidlist}, so a cache never overrides
 * it. Written whole into a unique temporary file, fsync'd and renamed over the old one, with a
 * CRC32C over everything: a torn or damaged file reads as absent (the list is rebuilt from the
 * directories and the uidlist). Dovecot ignores the file.
 */
final class MessageCache {
    static final String NAME = "loft-messages";
    private static final int MAGIC = 0x4c4d4331; // "LMC1"
    private static final AtomicLong COUNTER = new AtomicLong();

    /** One message as cached. */
    record Entry(long uid, boolean inNew, String fileName, long size, long vsize, Instant internalDate,
            Instant saveDate) {
    }

    /**
     * A cached list: the directories' stamps, whether they were settled when read (else the list
     * is only a source of facts, never trusted as complete), and the messages.
     */
    record Content(Stamp newDir, Stamp curDir, boolean settled, List<Entry> entries) {
    }

    private final Path file;

    /**
     * @param indexDir the mailbox's index directory ({@code INDEX=}, else the control directory),
     *     or null for {@code INDEX=MEMORY}: then nothing is cached (the handle keeps its facts in
     *     memory anyway; a cold open lists the directories)
     */
    MessageCache(Path indexDir) {
        this.file = indexDir == null ? null : indexDir.resolve(NAME);
    }

    /** The file, or null when nothing is written. */
    Path file() {
        return file;
    }

    /** The cached list, or null when there is none or it is damaged. */
    Content read() {
        if (file == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException unreadable) {
            return null;
        }
        if (bytes.length < 12) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            Stamp newDir = Stamp.read(in);
            Stamp curDir = Stamp.read(in);
            boolean settled = in.readBoolean();
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            List<Entry> entries = new ArrayList<>(Math.min(n, 1 << 20));
            for (int i = 0; i < n; i++) {
                entries.add(new Entry(in.readLong(), in.readBoolean(), in.readUTF(), in.readLong(), in.readLong(),
                        Instant.ofEpochSecond(in.readLong(), in.readInt()),
                        Instant.ofEpochSecond(in.readLong(), in.readInt())));
            }
            if (in.available() != 0) {
                return null;
            }
            return new Content(newDir, curDir, settled, entries);
        } catch (IOException | RuntimeException damaged) {
            return null;
        }
    }

    void write(Content c) throws IOException {
        if (file == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + c.entries().size() * 100);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            c.newDir().write(out);
            c.curDir().write(out);
            out.writeBoolean(c.settled());
            out.writeInt(c.entries().size());
            for (Entry e : c.entries()) {
                out.writeLong(e.uid());
                out.writeBoolean(e.inNew());
                out.writeUTF(e.fileName());
                out.writeLong(e.size());
                out.writeLong(e.vsize());
                out.writeLong(e.internalDate().getEpochSecond());
                out.writeInt(e.internalDate().getNano());
                out.writeLong(e.saveDate().getEpochSecond());
                out.writeInt(e.saveDate().getNano());
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(NAME + ".tmp." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
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
