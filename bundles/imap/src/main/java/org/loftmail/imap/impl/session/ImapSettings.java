package org.loftmail.imap.impl.session;

import java.time.Duration;
import java.util.Map;
import org.loftmail.api.settings.SettingValues;

/**
 * The IMAP settings Loft honours, read from {@code org.loftmail.settings} (Dovecot names and
 * defaults; {@code protocol.imap.X} wins over {@code X}).
 *
 * @param maxLineLength          {@code imap_max_line_length}: longest command line
 * @param maxUserIpConnections   {@code mail_max_userip_connections}: sessions per user and address
 * @param greeting               {@code login_greeting}
 * @param idleNotifyInterval     {@code imap_idle_notify_interval}: how often IDLE says it is alive
 * @param appendLimit            {@code quota_max_mail_size} from the plugin block, the APPENDLIMIT
 * @param maxStringLiteral       largest literal accepted for a string argument
 */
public record ImapSettings(int maxLineLength, int maxUserIpConnections, String greeting,
        Duration idleNotifyInterval, long appendLimit, long maxStringLiteral) {

    /** RFC 3501 5.4: at least 30 minutes before an autologout. */
    public static final Duration AUTOLOGOUT = Duration.ofMinutes(30);
    /** Dovecot's imap-login gives a client 3 minutes to log in. */
    public static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(3);

    public static ImapSettings defaults() {
        return of(Map.of());
    }

    public static ImapSettings of(Map<String, ?> p) {
        return new ImapSettings(
                (int) size(get(p, "imap_max_line_length"), 64 * 1024),
                (int) number(get(p, "mail_max_userip_connections"), 10),
                text(get(p, "login_greeting"), "Loft ready."),
                duration(get(p, "imap_idle_notify_interval"), Duration.ofMinutes(2)),
                size(p.get("plugin.quota_max_mail_size") == null ? null : p.get("plugin.quota_max_mail_size").toString(),
                        100L * 1024 * 1024),
                64 * 1024);
    }

    private static String get(Map<String, ?> p, String key) {
        Object v = p.get("protocol.imap." + key);
        if (v == null) {
            v = p.get(key);
        }
        return v == null ? null : v.toString().trim();
    }

    private static String text(String v, String dflt) {
        return v == null || v.isEmpty() ? dflt : v;
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

    /** Dovecot sizes ({@code 64k}, {@code 10M}, bytes); 0 means unlimited. */
    static long size(String v, long dflt) {
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        long n = SettingValues.size(v);
        return n == 0 ? Long.MAX_VALUE : n;
    }

    /** Dovecot times ({@code 2 mins}, {@code 30s}, seconds). */
    static Duration duration(String v, Duration dflt) {
        return v == null || v.isEmpty() ? dflt : SettingValues.time(v);
    }
}
