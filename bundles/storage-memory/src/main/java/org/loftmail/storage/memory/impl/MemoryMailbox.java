package org.loftmail.storage.memory.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.SizeCountingInputStream;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * One handle on an in-memory mailbox. Its {@link #revision()} moves only when another handle
 * changed the mailbox since this one last listed it, so the core's own changes cost no rescan
 * while changes made through a second handle (as another process would) are still seen.
 */
final class MemoryMailbox implements DriverMailbox {

    private final MailboxData data;
    /** The data version this handle has accounted for (listed, or changed itself). */
    private long synced = -1;
    /** Bumped each time this handle lists changes made by others. */
    private long generation;

    MemoryMailbox(MailboxData data) {
        this.data = data;
    }

    @Override
    public long uidValidity() {
        return data.uidValidity;
    }

    @Override
    public long nextUid() {
        synchronized (data) {
            return data.nextUid;
        }
    }

    @Override
    public long revision() {
        synchronized (data) {
            return data.version == synced ? generation : generation + 1;
        }
    }

    @Override
    public List<StoredMessage> messages() {
        synchronized (data) {
            if (data.version != synced) {
                generation++;
                synced = data.version;
            }
            List<StoredMessage> out = new ArrayList<>(data.messages.size());
            data.messages.values().forEach(e -> out.add(e.meta()));
            return out;
        }
    }

    @Override
    public StoredMessage save(InputStream content, SaveRequest request) throws StorageException {
        SizeCountingInputStream counted = new SizeCountingInputStream(content);
        byte[] bytes;
        try {
            bytes = counted.readAllBytes();
        } catch (IOException e) {
            throw new StorageException(StorageError.TEMPORARY, "Cannot read the message", e);
        }
        synchronized (data) {
            StoredMessage m = new StoredMessage(data.nextUid++, request.flags(), request.internalDate(),
                    request.saveDate(), bytes.length, counted.virtualSize(), request.guid());
            data.messages.put(m.uid(), new MailboxData.Entry(m, bytes));
            changed();
            return m;
        }
    }

    @Override
    public void setFlags(Map<Long, Flags> flags) {
        synchronized (data) {
            flags.forEach((uid, f) -> data.messages.computeIfPresent(uid,
                    (k, e) -> new MailboxData.Entry(e.meta().withFlags(f), e.content())));
            changed();
        }
    }

    @Override
    public void expunge(Collection<Long> uids) {
        synchronized (data) {
            uids.forEach(data.messages::remove);
            changed();
        }
    }

    @Override
    public InputStream open(long uid, long offset) throws StorageException {
        MailboxData.Entry e;
        synchronized (data) {
            e = data.messages.get(uid);
        }
        if (e == null) {
            throw new StorageException(StorageError.EXPUNGED, "Message " + uid + " was expunged");
        }
        int from = (int) Math.min(offset, e.content().length);
        return new ByteArrayInputStream(e.content(), from, e.content().length - from);
    }

    @Override
    public byte[] readIndex() {
        synchronized (data) {
            return data.index == null ? null : data.index.clone();
        }
    }

    @Override
    public void writeIndex(byte[] blob) {
        synchronized (data) {
            data.index = blob.clone();
        }
    }

    @Override
    public InputStream readCache() {
        synchronized (data) {
            return data.cache == null ? null : new ByteArrayInputStream(data.cache.toByteArray());
        }
    }

    @Override
    public void appendCache(byte[] records) {
        synchronized (data) {
            if (data.cache == null) {
                data.cache = new ByteArrayOutputStream();
            }
            data.cache.writeBytes(records);
        }
    }

    @Override
    public void writeCache(byte[] log) {
        synchronized (data) {
            data.cache = new ByteArrayOutputStream(log.length);
            data.cache.writeBytes(log);
        }
    }

    /** With the data lock held: an own change keeps this handle in step unless others changed first. */
    private void changed() {
        boolean inStep = data.version == synced;
        data.version++;
        if (inStep) {
            synced = data.version;
        }
    }
}
