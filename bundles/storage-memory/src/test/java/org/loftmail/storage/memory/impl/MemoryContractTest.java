package org.loftmail.storage.memory.impl;

import java.nio.file.Path;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.contract.AllStorageContracts;

/** The in-memory reference driver runs every storage contract test. */
class MemoryContractTest implements AllStorageContracts {

    @Override
    public StorageDriver driver(Path root) {
        return new MemoryDriver();
    }

    @Override
    public String driverName() {
        return "memory";
    }

    @Override
    public String mailLocation(Path root) {
        return "memory:" + root;
    }
}
