package org.loftmail.config.impl.validate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.config.impl.catalogue.SettingType;

/** Checks a value against its setting's type the way Dovecot 2.3 does, with a plain sentence when it fails. */
public final class ValueCheck {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([bkmgt])(?:i?b)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("(\\d+)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);

    private ValueCheck() {
    }

    /** Why {@code value} is not valid for {@code key} of this type, or empty when it is. */
    public static Optional<String> problem(String key, SettingType type, String value) {
        String v = value.trim();
        return switch (type.kind()) {
            case STRING -> Optional.empty();
            case BOOL -> isBool(v) ? Optional.empty()
                    : fail(key + " must be yes or no, not '" + value + "'");
            case UINT -> v.matches("\\d+") ? Optional.empty()
                    : fail(key + " must be a whole number, not '" + value + "'");
            case OCTAL -> v.matches("[0-7]+") ? Optional.empty()
                    : fail(key + " must be an octal file mode such as 0600, not '" + value + "'");
            case PORT -> isPort(v) ? Optional.empty()
                    : fail(key + " must be a port number from 0 to 65535, not '" + value + "'");
            case SIZE -> SIZE.matcher(v).matches() ? Optional.empty()
                    : fail(key + " must be a size such as 64 k, 10 M or 1G, not '" + value + "'");
            case TIME, TIME_MSECS -> timeProblem(key, v, type.kind() == SettingType.Kind.TIME_MSECS, value);
            case ENUM -> type.values().contains(v) ? Optional.empty()
                    : fail(key + " must be one of " + String.join(", ", type.values()) + ", not '" + value + "'");
        };
    }

    public static boolean isBool(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("y") || s.equals("1") || s.equals("no");
    }

    public static boolean isTrue(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("y") || s.equals("1");
    }

    private static boolean isPort(String v) {
        return v.matches("\\d{1,5}") && Integer.parseInt(v) <= 65535;
    }

    private static Optional<String> timeProblem(String key, String v, boolean msecs, String value) {
        Matcher m = TIME.matcher(v);
        if (!m.matches() || unitMillis(m.group(2)) < 0) {
            return fail(key + " must be a time such as 30 secs, 5 mins or 1 hour, not '" + value + "'");
        }
        if (m.group(2).isEmpty() && !m.group(1).matches("0+")) {
            return fail(key + " = " + value + " needs a unit, e.g. '" + v + " secs'");
        }
        if (!msecs && unitMillis(m.group(2)) == 1) {
            return fail(key + " is counted in seconds; milliseconds are not supported here");
        }
        return Optional.empty();
    }

    /** Milliseconds in one unit; 0 for no unit, -1 for an unknown unit. */
    static long unitMillis(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "" -> 0;
            case "ms", "msec", "msecs", "millisecond", "milliseconds" -> 1;
            case "s", "sec", "secs", "second", "seconds" -> 1000;
            case "m", "min", "mins", "minute", "minutes" -> 60_000;
            case "h", "hour", "hours" -> 3_600_000;
            case "d", "day", "days" -> 86_400_000;
            case "w", "week", "weeks" -> 604_800_000;
            default -> -1;
        };
    }

    /** A size in bytes, or -1 when it is not one. */
    public static long bytes(String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseUnsignedLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return n << shift;
    }

    /** A time in milliseconds (a bare number counts as seconds, or as ms for msecs settings), -1 when not one. */
    public static long millis(String value, boolean msecs) {
        Matcher m = TIME.matcher(value.trim());
        if (!m.matches()) {
            return -1;
        }
        long unit = unitMillis(m.group(2));
        if (unit < 0) {
            return -1;
        }
        return Long.parseLong(m.group(1)) * (unit == 0 ? (msecs ? 1 : 1000) : unit);
    }

    private static Optional<String> fail(String message) {
        return Optional.of(message);
    }
}
