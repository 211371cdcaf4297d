package org.loftmail.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A passdb/userdb driver, registered with the service property {@value #DRIVER}{@code =NAME}
 * ({@code passwd-file}, {@code sql}, ...). The auth service opens one {@link AuthDb} per
 * configured block that names this driver.
 */
@ConsumerType
public interface AuthDriver {

    /** The service property naming the driver. */
    String DRIVER = "driver";

    /** Which chain a block belongs to. */
    enum Kind { PASSDB, USERDB }

    /**
     * Opens a database.
     *
     * @param kind whether the block is a passdb or a userdb
     * @param args the block's {@code args} as written ({@code %} variables unexpanded)
     * @throws IllegalArgumentException when the args are invalid (the message is shown to the operator)
     */
    AuthDb open(Kind kind, String args);
}
