package org.loftmail.api.storage.quota;

import org.loftmail.api.storage.StorageException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional service storage consults before APPEND, COPY, MOVE and delivery. With none
 * registered, everything is allowed. Accounting what was actually added is done by listening to
 * mailbox events.
 */
@ConsumerType
public interface QuotaHook {

    /**
     * Allows the addition by returning, refuses it by throwing {@code StorageException} with
     * {@code OVER_QUOTA} (or {@code TOO_BIG}). Called on the session's thread, outside storage locks.
     */
    void beforeAdd(QuotaRequest request) throws StorageException;
}
