package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * One maildir as a {@link DriverMailbox}: the message list from {@link MaildirScan} (UIDs from
 * {@code dovecot-uidlist}, flags from file names), saves through {@link MessageSaver}, flag
 * changes through {@link FlagRenamer}, expunge by unlinking. The core serialises calls on one
 * instance except {@link #open}, which reads only the thread-safe path map and the directories.
 */
final class MaildirMailbox implements DriverMailbox {

    private final String name;
    private final Path dir;
    private final MaildirUidList uidList;
    private final MaildirKeywords keywords;
    private final MaildirRevision revision;
    private final IndexFile index;
    private final MessageSaver saver;
    private final Map<String, MessageFacts> facts = new ConcurrentHashMap<>();
    /** UID to file as last seen; replaced whole by each listing, updated by own changes. */
    private volatile Map<Long, MaildirScan.Message> files = new ConcurrentHashMap<>();

    MaildirMailbox(String name, Path dir, Path control, MaildirDelivery delivery) throws IOException {
        this.name = name;
        this.dir = dir;
        this.uidList = MaildirUidList.open(control);
        this.keywords = MaildirKeywords.read(control);
        this.revision = new MaildirRevision(dir, control);
        this.index = new IndexFile(control);
        this.saver = new MessageSaver(dir, delivery, uidList, keywords);
    }

    String name() {
        return name;
    }

    @Override
    public long uidValidity() {
        return uidList.uidValidity();
    }

    @Override
    public long nextUid() throws StorageException {
        try {
            uidList.refresh();
            return uidList.nextUid();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot read the uidlist of " + name, e);
        }
    }

    @Override
    public long revision() throws StorageException {
        try {
            return revision.current();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot stat " + name, e);
        }
    }

    @Override
    public List<StoredMessage> messages() throws StorageException {
        try {
            List<MaildirScan.Message> scanned = MaildirScan.scan(dir, uidList, false);
            keywords.reload();
            Map<Long, MaildirScan.Message> seen = new ConcurrentHashMap<>();
            List<StoredMessage> out = new ArrayList<>(scanned.size());
            for (MaildirScan.Message m : scanned) {
                MessageFacts f = facts(m);
                if (f != null) {
                    out.add(new StoredMessage(m.uid(), FlagMapping.toFlags(m.name(), keywords), f.internalDate(),
                            f.saveDate(), f.size(), f.vsize(), f.guid()));
                    seen.put(m.uid(), m);
                }
            }
            facts.keySet().retainAll(seen.values().stream().map(m -> m.name().base()).collect(Collectors.toSet()));
            files = seen;
            return out;
        } catch (IOException e) {
            throw StorageErrors.io("Cannot list " + name, e);
        }
    }

    /** The cached facts of a listed file, read when new; null when it vanished meanwhile. */
    private MessageFacts facts(MaildirScan.Message m) throws IOException {
        String base = m.name().base();
        MessageFacts f = facts.get(base);
        if (f != null) {
            return f;
        }
        Optional<UidListEntry> entry = uidList.byBase(base);
        try {
            f = MessageFacts.of(m.path(), m.name(), entry);
        } catch (NoSuchFileException renamed) {
            Optional<Path> now = MessageFiles.locate(dir, base);
            if (now.isEmpty()) {
                return null;
            }
            f = MessageFacts.of(now.get(), MaildirFilename.parse(now.get().getFileName().toString()), entry);
        }
        facts.put(base, f);
        return f;
    }

    @Override
    public StoredMessage save(InputStream content, SaveRequest request) throws StorageException {
        MessageSaver.Saved saved = saver.save(content, request, name);
        facts.put(saved.file().name().base(), saved.facts());
        files.put(saved.file().uid(), saved.file());
        return saved.stored();
    }

    @Override
    public void setFlags(Map<Long, Flags> flags) throws StorageException {
        try {
            new FlagRenamer(dir, keywords).rename(flags, files);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot change flags in " + name, e);
        }
    }

    @Override
    public void expunge(Collection<Long> uids) throws StorageException {
        try {
            for (Long uid : uids) {
                MaildirScan.Message m = files.remove(uid);
                if (m != null) {
                    MessageFiles.unlink(dir, m);
                }
            }
        } catch (IOException e) {
            throw StorageErrors.io("Cannot expunge in " + name, e);
        }
    }

    @Override
    public InputStream open(long uid, long offset) throws StorageException, IOException {
        MaildirScan.Message m = files.get(uid);
        FileChannel ch = m == null ? null : MessageFiles.open(dir, m).orElse(null);
        if (ch == null) {
            throw expunged(uid);
        }
        try {
            ch.position(offset);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return Channels.newInputStream(ch);
    }

    private StorageException expunged(long uid) {
        return new StorageException(StorageError.EXPUNGED, "Message " + uid + " was expunged from " + name);
    }

    @Override
    public byte[] readIndex() throws StorageException {
        try {
            return index.read();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot read the index of " + name, e);
        }
    }

    @Override
    public void writeIndex(byte[] blob) throws StorageException {
        try {
            index.write(blob);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot write the index of " + name, e);
        }
    }

    /** Lets go of the uidlist's open file; a later call opens it again. */
    void close() {
        try {
            uidList.close();
        } catch (IOException ignored) {
            // only a read channel: nothing to lose
        }
    }
}
