package org.loftmail.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The storage service: opens a user's mailboxes. Registered once by Loft's storage core; thread
 * safe.
 */
@ProviderType
public interface MailStorage {

    /**
     * Opens the user's mail store, chosen by the user's {@code mail_location} prefix (e.g.
     * {@code maildir:~/Maildir}) or the server default. Every session of one user in this JVM
     * shares the same mailbox state. The caller must close the result.
     *
     * @throws StorageException {@link StorageError#TEMPORARY} when the driver is not available,
     *     {@link StorageError#INTERNAL} when the location is malformed
     */
    UserMailboxes open(MailUser user) throws StorageException;
}
