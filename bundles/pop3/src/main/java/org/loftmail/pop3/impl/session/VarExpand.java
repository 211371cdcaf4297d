package org.loftmail.pop3.impl.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Dovecot's {@code %} variable expansion ({@code var_expand} of Dovecot 2.3) for the settings
 * this bundle formats: {@code %[-][0][width][.[0][-]width][modifiers](key|{long_key})}. A value
 * is computed only when the format uses it. Modifiers: {@code L} lower case, {@code U} upper
 * case, {@code X} decimal to lower-case hex (as Dovecot: {@code %08Xu} of UID 26 is
 * {@code 0000001a}), {@code R} reverse, {@code M} MD5 in hex, {@code T} trim trailing space.
 * A width with a leading zero pads with zeros on the left and never truncates; otherwise
 * {@code offset.width} takes a substring. {@code %%} is a percent sign; unknown keys expand to
 * nothing.
 */
public final class VarExpand {

    /** One variable: a one-letter key, a long key for {@code %{name}} and its lazily computed value. */
    public record Var(char key, String longKey, Supplier<String> value) {
    }

    private static final String MODIFIERS = "LUEXRHNMDT";

    private VarExpand() {
    }

    public static String expand(String format, List<Var> vars) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int sign = 1;
            int offset = 0;
            int width = 0;
            boolean zeroPadding = false;
            if (i < n && format.charAt(i) == '-') {
                sign = -1;
                i++;
            }
            if (i < n && format.charAt(i) == '0') {
                zeroPadding = true;
                i++;
            }
            while (i < n && Character.isDigit(format.charAt(i))) {
                width = width * 10 + (format.charAt(i++) - '0');
            }
            if (i < n && format.charAt(i) == '.') {
                offset = sign * width;
                sign = 1;
                width = 0;
                i++;
                zeroPadding = false;
                if (i < n && format.charAt(i) == '0') {
                    zeroPadding = true;
                    i++;
                }
                if (i < n && format.charAt(i) == '-') {
                    sign = -1;
                    i++;
                }
                while (i < n && Character.isDigit(format.charAt(i))) {
                    width = width * 10 + (format.charAt(i++) - '0');
                }
                width = sign * width;
            }
            StringBuilder modifiers = new StringBuilder();
            while (i < n && modifiers.length() < 10 && MODIFIERS.indexOf(format.charAt(i)) >= 0) {
                modifiers.append(format.charAt(i++));
            }
            if (i >= n) {
                break;
            }
            String value;
            if (format.charAt(i) == '{' && format.indexOf('}', i) > 0) {
                int end = format.indexOf('}', i);
                value = lookupLong(format.substring(i + 1, end), vars);
                i = end + 1;
            } else {
                value = lookupShort(format.charAt(i++), vars);
            }
            for (int m = 0; m < modifiers.length(); m++) {
                value = modify(modifiers.charAt(m), value);
            }
            if (offset < 0) {
                if (value.length() > -offset) {
                    value = value.substring(value.length() + offset);
                }
            } else {
                value = value.substring(Math.min(offset, value.length()));
            }
            if (width == 0) {
                out.append(value);
            } else if (!zeroPadding) {
                int w = width < 0 ? value.length() + width : width;
                out.append(value, 0, Math.max(0, Math.min(w, value.length())));
            } else {
                for (int pad = value.length(); pad < width; pad++) {
                    out.append('0');
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    /** Whether {@code format} uses the variable {@code key} or {@code %{longKey}}. */
    public static boolean uses(String format, char key, String longKey) {
        boolean[] used = {false};
        expand(format, List.of(new Var(key, longKey, () -> {
            used[0] = true;
            return "";
        })));
        return used[0];
    }

    private static String lookupShort(char key, List<Var> vars) {
        for (Var v : vars) {
            if (v.key() == key) {
                return nonNull(v.value().get());
            }
        }
        return key == '%' ? "%" : "";
    }

    private static String lookupLong(String key, List<Var> vars) {
        for (Var v : vars) {
            if (key.equals(v.longKey())) {
                return nonNull(v.value().get());
            }
        }
        return "";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String modify(char m, String v) {
        return switch (m) {
            case 'L' -> v.toLowerCase(Locale.ROOT);
            case 'U' -> v.toUpperCase(Locale.ROOT);
            case 'X' -> Long.toUnsignedString(decimal(v), 16);
            case 'R' -> new StringBuilder(v).reverse().toString();
            case 'M' -> md5Hex(v.getBytes(StandardCharsets.UTF_8));
            case 'T' -> v.stripTrailing();
            default -> v;
        };
    }

    /** Like C's strtoull: the leading digits, 0 when there are none. */
    private static long decimal(String v) {
        long n = 0;
        for (int i = 0; i < v.length() && Character.isDigit(v.charAt(i)); i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    public static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
