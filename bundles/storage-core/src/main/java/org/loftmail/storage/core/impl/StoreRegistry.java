package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.StorageDriver;

/** Shares one {@link SharedStore} per driver, user and location among sessions, by reference count. */
final class StoreRegistry {

    private final Map<String, SharedStore> stores = new HashMap<>();

    /** @param shown how the store's messages show internal mailbox names */
    synchronized SharedStore acquire(String driverName, StorageDriver driver, String user, String path,
            UnaryOperator<String> shown, java.util.function.Consumer<org.loftmail.api.storage.event.MailboxEvent> publish)
            throws StorageException {
        String key = driverName + '\0' + user + '\0' + path;
        SharedStore s = stores.get(key);
        if (s == null) {
            s = new SharedStore(key, driverName, driver.open(user, path), shown, user, publish);
            stores.put(key, s);
        }
        s.refs++;
        return s;
    }

    synchronized void release(SharedStore s) {
        if (--s.refs == 0 && stores.remove(s.key, s)) {
            s.close();
        }
    }

    /** The driver went away: its stores are closed; sessions using them get NOT_FOUND from then on. */
    synchronized void dropDriver(String driverName) {
        List<SharedStore> gone = new ArrayList<>();
        stores.values().removeIf(s -> s.driverName.equals(driverName) && gone.add(s));
        gone.forEach(SharedStore::close);
    }
}
