package org.loftmail.api.settings;

import java.time.Duration;
import java.util.Locale;

/**
 * Dovecot's value syntax, as {@code doveconf} accepts it: sizes ({@code 10M}, {@code 64 k},
 * {@code 1024}), times ({@code 30 secs}, {@code 2 mins}, {@code 1h}, {@code 100 ms}, a bare
 * number is seconds) and booleans ({@code yes}/{@code no}). Malformed sizes and times throw
 * {@link IllegalArgumentException} with the value in the message; the config bundle has already
 * reported them with file:line, so callers usually fall back to a default.
 */
public final class SettingValues {

    private SettingValues() {
    }

    /** A size in bytes: a number, then optionally (blanks allowed) {@code B}, or {@code k M G T} with an optional {@code B}. */
    public static long size(String value) {
        Number n = number(value);
        String u = n.unit().toUpperCase(Locale.ROOT);
        if (u.endsWith("B") && u.length() == 2) {
            u = u.substring(0, 1);
        }
        int shift = switch (u) {
            case "", "B" -> 0;
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> throw new IllegalArgumentException("not a size: '" + value + "'");
        };
        return Math.multiplyExact(n.value(), 1L << shift);
    }

    /** A time: a number, then optionally (blanks allowed) a unit from {@code ms} to {@code weeks}; seconds without one. */
    public static Duration time(String value) {
        Number n = number(value);
        return switch (n.unit().toLowerCase(Locale.ROOT)) {
            case "ms", "msec", "msecs", "millisecond", "milliseconds" -> Duration.ofMillis(n.value());
            case "", "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n.value());
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n.value());
            case "h", "hour", "hours" -> Duration.ofHours(n.value());
            case "d", "day", "days" -> Duration.ofDays(n.value());
            case "w", "week", "weeks" -> Duration.ofDays(Math.multiplyExact(7, n.value()));
            default -> throw new IllegalArgumentException("not a time: '" + value + "'");
        };
    }

    /**
     * Whether a boolean setting is on: {@code yes} (also {@code y}, {@code 1}, {@code true}, any
     * case); anything else, {@code null} included, is off, as in Dovecot's settings parser.
     */
    public static boolean yes(String value) {
        return value != null && switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "1", "true" -> true;
            default -> false;
        };
    }

    private record Number(long value, String unit) {
    }

    private static Number number(String value) {
        String t = value == null ? "" : value.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a number: '" + value + "'");
        }
        try {
            return new Number(Long.parseLong(t.substring(0, i)), t.substring(i).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number too large: '" + value + "'", e);
        }
    }
}
