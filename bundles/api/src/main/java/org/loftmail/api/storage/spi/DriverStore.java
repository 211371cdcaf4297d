package org.loftmail.api.storage.spi;

import java.util.List;
import java.util.Set;
import org.loftmail.api.storage.StorageException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One user's store in a driver's format. The core keeps one per user and location while any
 * session uses it and serialises the folder operations.
 */
@ConsumerType
public interface DriverStore extends AutoCloseable {

    /** Every mailbox that exists, INBOX included, in any order. */
    List<String> mailboxes() throws StorageException;

    /** Creates one mailbox (its parents exist or are created by the core first). @throws StorageException EXISTS */
    void create(String name) throws StorageException;

    /** Deletes one mailbox and its messages (the core checked it has no children). */
    void delete(String name) throws StorageException;

    /**
     * Renames exactly one mailbox, keeping its UIDVALIDITY, UIDs and the core's index blob; the
     * core renames children one by one, parents first.
     */
    void rename(String from, String to) throws StorageException;

    /** The subscribed names. */
    Set<String> subscriptions() throws StorageException;

    /** Replaces the subscribed names, atomically. */
    void writeSubscriptions(Set<String> names) throws StorageException;

    /** Opens a mailbox. @throws StorageException NOT_FOUND */
    DriverMailbox mailbox(String name) throws StorageException;

    @Override
    void close();
}
