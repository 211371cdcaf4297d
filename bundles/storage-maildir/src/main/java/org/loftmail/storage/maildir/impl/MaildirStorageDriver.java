package org.loftmail.storage.maildir.impl;

import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.StorageDriver;
import org.osgi.service.component.annotations.Component;

/**
 * The maildir storage driver ({@code mail_location = maildir:~/Maildir[:LAYOUT=fs][:CONTROL=...]}),
 * reading and writing the same files as Dovecot 2.3, so both can serve one maildir. Thread-safe;
 * each {@link #open} returns a new store over the files, which are the only shared state.
 */
@Component(service = StorageDriver.class, property = StorageDriver.DRIVER + "=maildir")
public final class MaildirStorageDriver implements StorageDriver {

    private final UidValidities validities = new UidValidities();
    private final MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());
    /** One watch service (one inotify instance) for every open mailbox of this driver. */
    private final MaildirWatcher watcher =
            Boolean.parseBoolean(System.getProperty("loft.maildir.watch", "true")) ? new MaildirWatcher() : null;

    @Override
    public DriverStore open(String user, String location) throws StorageException {
        MailLocation parsed;
        try {
            // the core expanded the variables already: a '%' left is a literal one
            parsed = MailLocation.parse("maildir:" + location.replace("%", "%%"), user, null);
            return new MaildirStore(parsed, validities, delivery, watcher);
        } catch (IllegalArgumentException e) {
            throw new StorageException(StorageError.TEMPORARY, "Bad maildir mail_location '" + location + "': "
                    + e.getMessage(), e);
        }
    }

    /** The shared watcher, or null when watching is off ({@code -Dloft.maildir.watch=false}). */
    MaildirWatcher watcher() {
        return watcher;
    }
}
