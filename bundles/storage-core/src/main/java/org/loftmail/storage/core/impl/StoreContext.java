package org.loftmail.storage.core.impl;

/** What a user's session objects share: the user's store, the event fan-out and the quota gate. */
record StoreContext(String user, SharedStore store, Events events, QuotaGate quota) {
}
