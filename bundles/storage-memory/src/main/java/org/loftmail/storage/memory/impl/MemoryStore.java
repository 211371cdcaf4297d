package org.loftmail.storage.memory.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;

/** One user's mailboxes in memory. Thread safe. */
final class MemoryStore implements DriverStore {

    private final AtomicLong uidValidity;
    private final Map<String, MailboxData> mailboxes = new ConcurrentHashMap<>();
    private volatile Set<String> subscriptions = Set.of();

    MemoryStore(AtomicLong uidValidity) {
        this.uidValidity = uidValidity;
    }

    @Override
    public List<String> mailboxes() {
        return new ArrayList<>(mailboxes.keySet());
    }

    @Override
    public synchronized void create(String name) throws StorageException {
        if (mailboxes.putIfAbsent(name, new MailboxData(uidValidity.incrementAndGet())) != null) {
            throw new StorageException(StorageError.EXISTS, "Mailbox " + name + " already exists");
        }
    }

    @Override
    public synchronized void delete(String name) throws StorageException {
        if (mailboxes.remove(name) == null) {
            throw notFound(name);
        }
    }

    @Override
    public synchronized void rename(String from, String to) throws StorageException {
        MailboxData m = mailboxes.get(from);
        if (m == null) {
            throw notFound(from);
        }
        if (mailboxes.putIfAbsent(to, m) != null) {
            throw new StorageException(StorageError.EXISTS, "Mailbox " + to + " already exists");
        }
        mailboxes.remove(from);
    }

    @Override
    public Set<String> subscriptions() {
        return subscriptions;
    }

    @Override
    public void writeSubscriptions(Set<String> names) {
        subscriptions = Set.copyOf(names);
    }

    @Override
    public DriverMailbox mailbox(String name) throws StorageException {
        MailboxData m = mailboxes.get(name);
        if (m == null) {
            throw notFound(name);
        }
        return new MemoryMailbox(m);
    }

    @Override
    public void close() {
        // the mail stays for the next open: the driver owns it
    }

    private static StorageException notFound(String name) {
        return new StorageException(StorageError.NOT_FOUND, "Mailbox doesn't exist: " + name);
    }
}
