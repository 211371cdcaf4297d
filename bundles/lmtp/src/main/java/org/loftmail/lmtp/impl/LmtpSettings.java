package org.loftmail.lmtp.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.loftmail.api.settings.SettingValues;

/**
 * The LMTP settings Loft honours, from {@code org.loftmail.settings} ({@code protocol.lmtp.X}
 * wins over {@code X}): {@code hostname}, {@code quota_full_tempfail},
 * {@code lmtp_add_received_header}, {@code mail_max_message_size}-like limit from
 * {@code plugin.quota_max_mail_size} (announced with SIZE).
 */
record LmtpSettings(String hostname, boolean quotaFullTempfail, boolean addReceivedHeader, long maxMessageSize) {

    static LmtpSettings of(Map<String, ?> p) {
        return new LmtpSettings(hostname(get(p, "hostname")), yes(get(p, "quota_full_tempfail"), false),
                yes(get(p, "lmtp_add_received_header"), true), size(p.get("plugin.quota_max_mail_size")));
    }

    private static String get(Map<String, ?> p, String key) {
        Object v = p.get("protocol.lmtp." + key);
        if (v == null) {
            v = p.get(key);
        }
        return v == null ? null : v.toString().trim();
    }

    private static boolean yes(String v, boolean dflt) {
        return v == null || v.isEmpty() ? dflt : SettingValues.yes(v);
    }

    private static String hostname(String v) {
        if (v != null && !v.isEmpty()) {
            return v;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Dovecot size syntax; 0, unset or malformed (already reported by the config check): no limit. */
    private static long size(Object v) {
        try {
            return v == null || v.toString().isBlank() ? 0 : SettingValues.size(v.toString());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
