package org.loftmail.storage.memory.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.StorageDriver;
import org.osgi.service.component.annotations.Component;

/**
 * The in-memory reference driver ({@code mail_location = memory:} or {@code memory:NAME}). Mail
 * lives as long as this service: reopening a user's store finds what was saved before.
 */
@Component(service = StorageDriver.class, property = StorageDriver.DRIVER + "=memory")
public final class MemoryDriver implements StorageDriver {

    private final Map<String, MemoryStore> stores = new ConcurrentHashMap<>();
    /** UIDVALIDITY source: seconds since the epoch at start, then +1 per new mailbox, so a re-created name differs. */
    private final AtomicLong uidValidity = new AtomicLong(System.currentTimeMillis() / 1000);

    @Override
    public DriverStore open(String user, String location) {
        return stores.computeIfAbsent(user + '\0' + location, k -> new MemoryStore(uidValidity));
    }
}
