package org.loftmail.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One configured passdb or userdb, opened by its {@link AuthDriver}. Must be thread-safe: many
 * sessions look users up at once. A lookup may block (files, databases) but must not throw:
 * failures are {@link DbResult.Unavailable}.
 */
@ConsumerType
public interface AuthDb extends AutoCloseable {

    /** Looks the request's user up. */
    DbResult lookup(LookupRequest request);

    /** Releases files and connections; the auth service calls it when the block goes away. */
    @Override
    default void close() {
    }
}
