package org.loftmail.quota.impl;

import java.util.Locale;

/** Dovecot's size and limit values. */
final class Sizes {

    private Sizes() {
    }

    /** A value as {@code str_parse_int64} reads it: optional sign, digits, then the rest (the unit). */
    record Number(long value, String unit) {
    }

    static Number number(String text) {
        int i = 0;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
        try {
            return new Number(Long.parseLong(text.substring(0, i)), text.substring(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number too large: '" + text + "'");
        }
    }

    /**
     * The multiplier of a quota limit unit as Dovecot's {@code quota_limit_parse}: empty gives
     * {@code defaultMultiplier}, {@code b k M G T} (either case) bytes to TiB; {@code %} is
     * handled by the caller. Returns -1 for {@code %}.
     */
    static long unit(String unit, long defaultMultiplier) {
        if (unit.isEmpty()) {
            return defaultMultiplier;
        }
        String u = unit.toUpperCase(Locale.ROOT);
        if (u.equals("%") || u.equals("%%")) {
            return -1;
        }
        long m = switch (u.charAt(0)) {
            case 'B' -> 1L;
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            case 'T' -> 1024L * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown unit: '" + unit + "'");
        };
        if (u.length() > 1 && !(u.length() == 2 && u.charAt(1) == 'B' && u.charAt(0) != 'B')) {
            throw new IllegalArgumentException("unknown unit: '" + unit + "'");
        }
        return m;
    }

    /**
     * A size setting such as {@code quota_max_mail_size}: a number of bytes, optionally followed
     * (after blanks) by {@code B k M G T} and an optional {@code B}; {@code 0} means no limit.
     */
    static long size(String text) {
        String t = text.trim();
        Number n = number(t);
        if (n.value() < 0) {
            throw new IllegalArgumentException("negative size: '" + text + "'");
        }
        long m = unit(n.unit().trim(), 1);
        if (m < 0) {
            throw new IllegalArgumentException("a percentage is not a size: '" + text + "'");
        }
        return Math.multiplyExact(n.value(), m);
    }
}
