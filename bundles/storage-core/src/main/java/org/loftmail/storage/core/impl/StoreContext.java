package org.loftmail.storage.core.impl;

import org.loftmail.api.storage.StorageException;

/**
 * What a user's session objects share: the user's store, the event fan-out, the quota gate and
 * the personal namespace, whose separator the names given to and returned by sessions use
 * (internally and towards drivers levels are always separated by {@code '/'}).
 */
record StoreContext(String user, SharedStore store, Events events, QuotaGate quota, NamespaceConfig namespace) {

    /** A name from the session, checked, in internal form. */
    String in(String name) throws StorageException {
        return namespace.internal(name);
    }

    /** An internal name as sessions, events and quota see it. */
    String out(String internal) {
        return namespace.shown(internal);
    }
}
