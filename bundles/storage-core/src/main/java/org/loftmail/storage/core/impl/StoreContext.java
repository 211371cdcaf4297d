package org.loftmail.storage.core.impl;

import org.loftmail.api.storage.StorageException;

/**
 * What a user's session objects share: the user's store, the event fan-out, the quota gate and
 * the personal namespace, whose separator the names given to and returned by sessions use
 * (internally and towards drivers levels are always separated by {@code '/'}).
 */
record StoreContext(String user, SharedStore store, Events events, QuotaGate quota, NamespaceConfig namespace) {

    /** A name from the session naming an existing mailbox, checked, in internal form (NOT_FOUND outside the namespace). */
    String in(String name) throws StorageException {
        return namespace.internal(name, false);
    }

    /** A name from the session for a mailbox to create or subscribe, checked, in internal form (INVALID_NAME outside the namespace). */
    String inNew(String name) throws StorageException {
        return namespace.internal(name, true);
    }

    /** An internal name as sessions, events and quota see it. */
    String out(String internal) {
        return namespace.shown(internal);
    }
}
