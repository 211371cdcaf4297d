package org.loftmail.storage.core.impl;

import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/**
 * A {@code mail_location} split into driver name and driver part, with Dovecot's {@code %u %n %d
 * %h %%} variables and a leading {@code ~} expanded for one user.
 */
record Location(String driver, String path) {

    static Location resolve(String mailLocation, MailUser user) throws StorageException {
        if (mailLocation == null || mailLocation.isBlank()) {
            throw new StorageException(StorageError.TEMPORARY, "mail_location is not set");
        }
        int colon = mailLocation.indexOf(':');
        if (colon <= 0) {
            throw new StorageException(StorageError.INTERNAL,
                    "mail_location '" + mailLocation + "' does not start with a driver name and ':'");
        }
        String driver = mailLocation.substring(0, colon);
        String rest = expand(mailLocation.substring(colon + 1), user);
        if (rest.startsWith("~")) {
            if (user.home() == null || user.home().isEmpty()) {
                throw new StorageException(StorageError.INTERNAL,
                        "mail_location uses ~ but user " + user.name() + " has no home");
            }
            rest = user.home() + rest.substring(1);
        }
        return new Location(driver, rest);
    }

    private static String expand(String s, MailUser user) throws StorageException {
        StringBuilder sb = new StringBuilder();
        String name = user.name();
        int at = name.lastIndexOf('@');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new StorageException(StorageError.INTERNAL, "mail_location ends with a lone '%'");
            }
            switch (s.charAt(i)) {
                case 'u' -> sb.append(name);
                case 'n' -> sb.append(at < 0 ? name : name.substring(0, at));
                case 'd' -> sb.append(at < 0 ? "" : name.substring(at + 1));
                case 'h' -> sb.append(user.home() == null ? "" : user.home());
                case '%' -> sb.append('%');
                default -> throw new StorageException(StorageError.INTERNAL,
                        "mail_location uses the unknown variable %" + s.charAt(i));
            }
        }
        return sb.toString();
    }
}
