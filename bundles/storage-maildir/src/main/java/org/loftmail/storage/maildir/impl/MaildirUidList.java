package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The {@code dovecot-uidlist} file of one maildir, read and written as Dovecot 2.3 does.
 *
 * <p>Reads are incremental: {@link #refresh} reads only lines appended since the last read
 * while the file is the same inode, and everything after a rewrite. Writers take
 * {@code dovecot-uidlist.lock}: {@link #append} adds records at the end (fsync'd), and
 * {@link #rewrite} writes a compact file into the lock and renames it over the old one.
 * UIDs only grow: the next UID is the larger of the header's {@code N} and the last record
 * plus one, and is kept across rewrites. UIDVALIDITY is set once, when the file is created.
 * Not thread-safe: one instance per mailbox and thread, or guarded by the caller.
 */
public final class MaildirUidList implements AutoCloseable {
    public static final String FILE = "dovecot-uidlist";

    private final Path file;
    private final TreeMap<Long, UidListEntry> byUid = new TreeMap<>();
    private final Map<String, UidListEntry> byBase = new HashMap<>();
    private Map<Character, String> header = new LinkedHashMap<>();
    private long nextUid = 1;
    private Object fileKey;
    private FileChannel channel;
    private long readOffset;
    private int version;
    private boolean exists;
    private AppendStamps lastAppend;

    private MaildirUidList(Path file) {
        this.file = file;
    }

    /** Opens (and reads, when present) {@code dir/dovecot-uidlist}. */
    public static MaildirUidList open(Path dir) throws IOException {
        MaildirUidList list = new MaildirUidList(dir.resolve(FILE));
        list.refresh();
        return list;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return exists;
    }

    public long uidValidity() {
        return Long.parseLong(header.getOrDefault('V', "0"));
    }

    public long nextUid() {
        return nextUid;
    }

    /** The mailbox GUID (32 hex digits), when the header has one. */
    public Optional<String> guid() {
        return Optional.ofNullable(header.get('G'));
    }

    public Optional<UidListEntry> byBase(String base) {
        return Optional.ofNullable(byBase.get(base));
    }

    public Optional<UidListEntry> byUid(long uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /** All records in UID order. */
    public List<UidListEntry> entries() {
        return List.copyOf(byUid.values());
    }

    /** Reads what changed on disk; true when anything did. */
    public boolean refresh() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            boolean changed = exists;
            forget();
            return changed;
        }
        // the open channel pins the inode, so an equal key really is the same file
        boolean sameFile = channel != null && attrs.fileKey() != null && attrs.fileKey().equals(fileKey);
        if (sameFile && channel.size() == readOffset) {
            return false;
        }
        if (!sameFile || channel.size() < readOffset) {
            forget();
            if (!reopen(attrs)) {
                return refresh();
            }
        }
        read();
        return true;
    }

    private boolean reopen(BasicFileAttributes before) throws IOException {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException replacedMeanwhile) {
            return false;
        }
        return fileKey == null || fileKey.equals(before.fileKey());
    }

    /** Closes the open file; a later {@link #refresh} reads it again. */
    @Override
    public void close() throws IOException {
        forget();
    }

    private void forget() throws IOException {
        byUid.clear();
        byBase.clear();
        header = new LinkedHashMap<>();
        nextUid = 1;
        fileKey = null;
        readOffset = 0;
        version = 0;
        exists = false;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void read() throws IOException {
        LineTail tail = LineTail.read(channel, readOffset);
        long consumed = 0;
        for (int i = 0; i < tail.lines().size(); i++) {
            String line = tail.lines().get(i);
            if (version == 0) {
                UidListParser.Header h = UidListParser.header(line);
                version = h.version();
                header = new LinkedHashMap<>(h.fields());
                header.remove('N');
                nextUid = Math.max(nextUid, h.nextUid());
                exists = true;
            } else if (!line.isEmpty()) {
                add(UidListParser.entry(version, line));
            }
            consumed = tail.ends().get(i);
        }
        readOffset += consumed;
    }

    private void add(UidListEntry e) {
        UidListEntry old = byBase.put(e.base(), e);
        if (old != null) {
            byUid.remove(old.uid());
        }
        byUid.put(e.uid(), e);
        nextUid = Math.max(nextUid, e.uid() + 1);
    }

    /**
     * Gives each base name the next UID, in the order given, and appends the records under
     * the lock. Names that already have a UID keep it. Creates the file (with a new
     * UIDVALIDITY and GUID) when there is none.
     */
    public List<UidListEntry> append(List<NewRecord> records) throws IOException {
        try (Dotlock lock = Dotlock.acquire(file)) {
            lastAppend = null;
            Stamp before = Stamp.of(file);
            refresh();
            try {
                List<UidListEntry> result = appendLocked(lock, records);
                lastAppend = new AppendStamps(before, Stamp.of(file));
                return result;
            } catch (IOException | RuntimeException e) {
                forget(); // and the records that may not have reached the disk
                refresh();
                throw e;
            }
        }
    }

    private List<UidListEntry> appendLocked(Dotlock lock, List<NewRecord> records) throws IOException {
        List<UidListEntry> result = new ArrayList<>();
        List<UidListEntry> added = new ArrayList<>();
        for (NewRecord r : records) {
            UidListEntry known = byBase.get(r.base());
            if (known != null) {
                result.add(known);
                continue;
            }
            UidListEntry e = new UidListEntry(nextUid, r.base(), r.extensions(), r.name());
            add(e);
            added.add(e);
            result.add(e);
        }
        if (!exists || (version != 3 && !added.isEmpty())) {
            // a new file, or an old version-1 file: write it whole in version 3
            UidValidity.initHeader(header);
            lock.replace(render(byUid.values()));
            refresh();
        } else if (!added.isEmpty()) {
            appendLines(added);
        }
        return result;
    }

    private void appendLines(List<UidListEntry> added) throws IOException {
        StringBuilder sb = new StringBuilder();
        added.forEach(e -> sb.append(e.line()).append('\n'));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        refresh();
    }

    /**
     * Rewrites the file compactly, keeping the records {@code keep} accepts (e.g. those whose
     * file still exists). The header keeps UIDVALIDITY, GUID and the next UID.
     */
    public void rewrite(Predicate<UidListEntry> keep) throws IOException {
        try (Dotlock lock = Dotlock.acquire(file)) {
            refresh();
            if (!exists) {
                UidValidity.initHeader(header);
            }
            List<UidListEntry> kept = byUid.values().stream().filter(keep).toList();
            lock.replace(render(kept));
            refresh();
        }
    }

    /**
     * Creates the file with a given UIDVALIDITY, next UID and records (for imports), unless it
     * exists already: then nothing changes and the answer is false.
     */
    public boolean create(long uidValidity, long next, Collection<UidListEntry> records) throws IOException {
        try (Dotlock lock = Dotlock.acquire(file)) {
            refresh();
            if (exists) {
                return false;
            }
            header.put('V', Long.toString(uidValidity));
            header.put('G', UidValidity.newGuid());
            records.forEach(this::add);
            nextUid = Math.max(nextUid, next);
            lock.replace(render(byUid.values()));
            refresh();
            return true;
        }
    }

    private byte[] render(Collection<UidListEntry> records) {
        StringBuilder sb = new StringBuilder("3");
        Map<Character, String> h = new LinkedHashMap<>();
        h.put('V', header.get('V'));
        h.put('N', Long.toString(nextUid));
        header.forEach(h::putIfAbsent);
        h.forEach((k, v) -> sb.append(' ').append(k).append(v));
        sb.append('\n');
        records.forEach(e -> sb.append(e.line()).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's stamps when the last {@link #append} took the lock and after it wrote, both under
     * the lock (so no other writer changed it in between); null after a failed append.
     */
    AppendStamps lastAppend() {
        return lastAppend;
    }

    record AppendStamps(Stamp before, Stamp after) {
    }

    /** A message to give a UID: its base name and the extensions to store (may be empty). */
    /** @param name the whole file name to write (flags included, as Dovecot does); null: the base */
    public record NewRecord(String base, Map<Character, String> extensions, String name) {
        public NewRecord(String base) {
            this(base, Map.of(), null);
        }

        public NewRecord(String base, Map<Character, String> extensions) {
            this(base, extensions, null);
        }
    }
}
