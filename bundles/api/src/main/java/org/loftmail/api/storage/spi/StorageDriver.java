package org.loftmail.api.storage.spi;

import org.loftmail.api.storage.StorageException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A storage format. Register as a service with {@value #DRIVER}{@code =NAME}; the core uses it for
 * every {@code mail_location} that starts with {@code NAME:}. Thread safe.
 */
@ConsumerType
public interface StorageDriver {

    /** Service property naming the driver, e.g. {@code maildir}. */
    String DRIVER = "driver";

    /**
     * Opens one user's store.
     *
     * @param user the user name
     * @param location the part of {@code mail_location} after {@code NAME:}, with {@code %}
     *     variables and {@code ~} already expanded
     */
    DriverStore open(String user, String location) throws StorageException;
}
