package org.loftmail.quota.impl;

import java.util.Map;
import org.loftmail.api.storage.StorageException;

/**
 * What the accounting needs from the services it must not reference itself (the storage binds
 * it, so referencing the storage would be a service cycle): the userdb and the mailboxes.
 * {@link QuotaComponent} provides it.
 */
interface Backing {

    /** The user's userdb fields ({@code home}, {@code mail}, {@code quota_rule}, ...); empty when the userdb does not know the user. */
    Map<String, String> userdb(String user) throws StorageException;

    /** Every selectable mailbox of the user with its messages and octets. */
    Map<String, Usage> countAll(String user, Map<String, String> userdb) throws StorageException;

    /** One mailbox; {@code null} when it does not exist (any more). */
    Usage count(String user, Map<String, String> userdb, String mailbox) throws StorageException;
}
