package org.loftmail.storage.maildir.impl;

import java.nio.file.Path;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.contract.AllStorageContracts;

/** The maildir driver (Maildir++ layout) runs every storage contract test. */
class MaildirContractTest implements AllStorageContracts {

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
        return "maildir:" + root + "/%u";
    }
}
