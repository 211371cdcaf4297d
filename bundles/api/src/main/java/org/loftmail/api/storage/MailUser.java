package org.loftmail.api.storage;

import java.util.Objects;

/**
 * Whose mail to open, as the userdb returned it.
 *
 * @param name the login name, e.g. {@code bob@example.org}
 * @param home the home directory ({@code mail_home}/userdb {@code home}), or {@code null}
 * @param mailLocation the user's own {@code mail_location} (userdb {@code mail}), or {@code null}
 *     for the server's configured one
 */
public record MailUser(String name, String home, String mailLocation) {
    public MailUser {
        Objects.requireNonNull(name, "name");
    }

    /** A user with no home and the server's default location. */
    public static MailUser of(String name) {
        return new MailUser(name, null, null);
    }
}
