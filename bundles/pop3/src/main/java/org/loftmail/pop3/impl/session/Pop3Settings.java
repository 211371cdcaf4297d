package org.loftmail.pop3.impl.session;

import java.util.Locale;
import java.util.Map;

/**
 * The POP3 settings Loft honours, read from {@code org.loftmail.settings} (Dovecot 2.3 names and
 * defaults; {@code protocol.pop3.X} wins over {@code X}).
 *
 * @param greeting             {@code login_greeting}: the text after {@code +OK} in the greeting
 * @param uidlFormat           {@code pop3_uidl_format}: how UIDL strings are made (%u %v %m %f %g)
 * @param lockSession          {@code pop3_lock_session}: one POP3 session per user at a time
 * @param logoutFormat         {@code pop3_logout_format}: the statistics of the logout log line
 * @param noFlagUpdates        {@code pop3_no_flag_updates}: RETR does not set {@code \Seen}
 * @param enableLast           {@code pop3_enable_last}: the LAST command of RFC 1460
 * @param maxUserIpConnections {@code mail_max_userip_connections}: sessions per user and address
 */
public record Pop3Settings(String greeting, String uidlFormat, boolean lockSession, String logoutFormat,
        boolean noFlagUpdates, boolean enableLast, int maxUserIpConnections) {

    /** Dovecot's default {@code pop3_uidl_format}. */
    public static final String DEFAULT_UIDL_FORMAT = "%08Xu%08Xv";
    /** Dovecot's default {@code pop3_logout_format}. */
    public static final String DEFAULT_LOGOUT_FORMAT = "top=%t/%p, retr=%r/%b, del=%d/%m, size=%s";

    public Pop3Settings {
        if (!UidlFormat.hasKey(uidlFormat)) {
            throw new IllegalArgumentException("pop3_uidl_format '" + uidlFormat
                    + "' uses none of %u, %v, %m, %f, %g");
        }
    }

    public static Pop3Settings defaults() {
        return of(Map.of());
    }

    /** @throws IllegalArgumentException when a value cannot be used; the message names it */
    public static Pop3Settings of(Map<String, ?> p) {
        return new Pop3Settings(
                text(get(p, "login_greeting"), "Loft ready."),
                text(get(p, "pop3_uidl_format"), DEFAULT_UIDL_FORMAT),
                bool(p, "pop3_lock_session"),
                text(get(p, "pop3_logout_format"), DEFAULT_LOGOUT_FORMAT),
                bool(p, "pop3_no_flag_updates"),
                bool(p, "pop3_enable_last"),
                (int) number(get(p, "mail_max_userip_connections"), 10));
    }

    /** A copy with other values, for tests. */
    public Pop3Settings withLockSession(boolean lock) {
        return new Pop3Settings(greeting, uidlFormat, lock, logoutFormat, noFlagUpdates, enableLast,
                maxUserIpConnections);
    }

    public Pop3Settings withUidlFormat(String format) {
        return new Pop3Settings(greeting, format, lockSession, logoutFormat, noFlagUpdates, enableLast,
                maxUserIpConnections);
    }

    public Pop3Settings withMaxUserIpConnections(int max) {
        return new Pop3Settings(greeting, uidlFormat, lockSession, logoutFormat, noFlagUpdates, enableLast, max);
    }

    public Pop3Settings withEnableLast(boolean last) {
        return new Pop3Settings(greeting, uidlFormat, lockSession, logoutFormat, noFlagUpdates, last,
                maxUserIpConnections);
    }

    private static String get(Map<String, ?> p, String key) {
        Object v = p.get("protocol.pop3." + key);
        if (v == null) {
            v = p.get(key);
        }
        return v == null ? null : v.toString().trim();
    }

    private static String text(String v, String dflt) {
        return v == null || v.isEmpty() ? dflt : v;
    }

    private static boolean bool(Map<String, ?> p, String key) {
        String v = get(p, key);
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw new IllegalArgumentException(key + ": not a boolean: " + v);
        };
    }

    private static long number(String v, long dflt) {
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }
}
