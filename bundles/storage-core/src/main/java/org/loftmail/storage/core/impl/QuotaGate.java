package org.loftmail.storage.core.impl;

import java.util.concurrent.atomic.AtomicReference;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.quota.QuotaHook;
import org.loftmail.api.storage.quota.QuotaRequest;

/** The optional quota hook; with none bound every addition is allowed. */
final class QuotaGate {

    private final AtomicReference<QuotaHook> hook = new AtomicReference<>();

    void set(QuotaHook h) {
        hook.set(h);
    }

    void unset(QuotaHook h) {
        hook.compareAndSet(h, null);
    }

    /** Call outside storage locks. */
    void check(String user, String mailbox, int messages, long bytes) throws StorageException {
        check(new QuotaRequest(user, mailbox, messages, bytes));
    }

    /** Call outside storage locks. */
    void check(QuotaRequest request) throws StorageException {
        QuotaHook h = hook.get();
        if (h != null && request.messages() > 0) {
            h.beforeAdd(request);
        }
    }
}
