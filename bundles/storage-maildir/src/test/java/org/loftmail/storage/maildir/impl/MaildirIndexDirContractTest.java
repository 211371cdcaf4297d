package org.loftmail.storage.maildir.impl;

import java.nio.file.Path;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.contract.AllStorageContracts;

/**
 * The maildir driver with {@code INDEX=} and {@code CONTROL=} (Loft's index files, the uidlist and
 * the mail in three separate trees) runs every storage contract test.
 */
class MaildirIndexDirContractTest implements AllStorageContracts {

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
        return "maildir:" + root + "/mail/%u:CONTROL=" + root + "/control/%u:INDEX=" + root + "/index/%u";
    }
}
