package org.loftmail.storage.maildir.impl;

import java.nio.file.Path;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.contract.AllStorageContracts;

/** The maildir driver with {@code LAYOUT=fs} (folders as nested directories) runs every storage contract test. */
class MaildirFsLayoutContractTest implements AllStorageContracts {

    @Override
    public StorageDriver driver(Path root) {
        return new MaildirStorageDriver();
    }

    @Override
    public String driverName() {
        return "maildir";
    }

    @Override
    public String mailLocation(Path root) {
        return "maildir:" + root + "/%u:LAYOUT=fs";
    }
}
