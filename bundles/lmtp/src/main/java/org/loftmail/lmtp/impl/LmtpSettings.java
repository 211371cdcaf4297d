package org.loftmail.lmtp.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

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
        return v == null || v.isEmpty() ? dflt : v.equalsIgnoreCase("yes");
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

    /** Dovecot size syntax; 0 or unset: no limit. */
    private static long size(Object v) {
        if (v == null || v.toString().isBlank()) {
            return 0;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        long mult = 1;
        if (s.endsWith("k") || s.endsWith("kb")) {
            mult = 1024;
        } else if (s.endsWith("m") || s.endsWith("mb")) {
            mult = 1024 * 1024;
        } else if (s.endsWith("g") || s.endsWith("gb")) {
            mult = 1024L * 1024 * 1024;
        }
        String digits = s.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits) * mult;
    }
}
