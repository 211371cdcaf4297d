package org.loftmail.storage.core.impl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/**
 * A {@code mail_location} split into driver name and driver part, with Dovecot's {@code %u %n %d
 * %h %%} variables (also as {@code %{user} %{username} %{domain} %{home}}, with the modifiers
 * {@code L} and {@code U} as in {@code %Ln}) expanded for one user, and {@code ~} expanded to the
 * home at the start of the path and of an option's value ({@code :INDEX=~/index}).
 */
record Location(String driver, String path) {

    /** An option whose value starts with {@code ~} alone or {@code ~/}, at the start of an option. */
    private static final Pattern HOME_OPTION = Pattern.compile("([A-Za-z0-9_-]+=)~(?=/|:(?!:)|$)");

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
        String rest = expand(mailLocation.substring(colon + 1), user, "mail_location");
        if (rest.startsWith("~")) {
            rest = home(user) + rest.substring(1);
        }
        return new Location(driver, homeInOptions(rest, user));
    }

    /**
     * The home of a user the userdb gave none: Dovecot's {@code mail_home} expanded with the
     * user's variables; null when it is not set.
     */
    static String mailHome(String mailHome, MailUser user) throws StorageException {
        if (mailHome == null || mailHome.isBlank()) {
            return null;
        }
        String home = expand(mailHome.trim(), user, "mail_home");
        if (!home.startsWith("/")) {
            throw new StorageException(StorageError.INTERNAL, "mail_home '" + mailHome + "' gives the relative path '"
                    + home + "' for user " + user.name() + " (a home must be absolute)");
        }
        return home;
    }

    private static String home(MailUser user) throws StorageException {
        if (user.home() == null || user.home().isEmpty()) {
            throw new StorageException(StorageError.INTERNAL,
                    "mail_location uses ~ but user " + user.name() + " has no home (userdb home or mail_home)");
        }
        return user.home();
    }

    /** Expands {@code KEY=~} and {@code KEY=~/...} in the options after the path (a {@code ::} is a literal colon). */
    private static String homeInOptions(String rest, MailUser user) throws StorageException {
        StringBuilder sb = new StringBuilder();
        Matcher m = HOME_OPTION.matcher(rest);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            sb.append(c);
            if (c != ':') {
                continue;
            }
            if (i + 1 < rest.length() && rest.charAt(i + 1) == ':') {
                sb.append(':');
                i++;
            } else if (m.region(i + 1, rest.length()).lookingAt()) {
                sb.append(m.group(1)).append(home(user));
                i = m.end() - 1;
            }
        }
        return sb.toString();
    }

    private static String expand(String s, MailUser user, String what) throws StorageException {
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
                throw new StorageException(StorageError.INTERNAL, what + " ends with a lone '%'");
            }
            char modifier = 0;
            if (s.charAt(i) == 'L' || s.charAt(i) == 'U') {
                modifier = s.charAt(i);
                if (++i == s.length()) {
                    throw new StorageException(StorageError.INTERNAL, what + " ends with '%" + modifier + "'");
                }
            }
            String variable;
            if (s.charAt(i) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new StorageException(StorageError.INTERNAL, what + " has an unclosed '%{'");
                }
                variable = s.substring(i + 1, close);
                i = close;
            } else {
                variable = String.valueOf(s.charAt(i));
            }
            String value = switch (variable) {
                case "u", "user" -> name;
                case "n", "username" -> at < 0 ? name : name.substring(0, at);
                case "d", "domain" -> at < 0 ? "" : name.substring(at + 1);
                case "h", "home" -> user.home() == null ? "" : user.home();
                case "%" -> "%";
                default -> throw new StorageException(StorageError.INTERNAL, what + " uses the unknown variable %"
                        + (variable.length() == 1 ? variable : "{" + variable + "}")
                        + " (known: %u %n %d %h %% and %{user} %{username} %{domain} %{home}, with L or U)");
            };
            sb.append(modifier == 'L' ? value.toLowerCase(Locale.ROOT)
                    : modifier == 'U' ? value.toUpperCase(Locale.ROOT) : value);
        }
        return sb.toString();
    }
}
