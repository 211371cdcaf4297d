package org.loftmail.auth.impl.var;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Dovecot's {@code %} variables: {@code %u}, {@code %{user}}, with the modifiers {@code L}
 * (lowercase), {@code U} (uppercase) and an optional {@code [offset.]width} ({@code %1n} is the
 * first letter of the user part, {@code %-2.2n}... negative offsets count from the end).
 * {@code %%} is a percent sign; an unknown variable expands to nothing. Immutable, thread-safe.
 */
public final class VarExpander {

    private final Function<String, String> values;

    /** @param values the value of a variable by its long name ({@code user}), null when unknown */
    public VarExpander(Function<String, String> values) {
        this.values = values;
    }

    /** The one-letter names and their long names. */
    private static final Map<Character, String> SHORT = Map.ofEntries(
            Map.entry('u', "user"), Map.entry('n', "username"), Map.entry('d', "domain"),
            Map.entry('s', "service"), Map.entry('r', "rip"), Map.entry('l', "lip"),
            Map.entry('c', "secured"), Map.entry('p', "pid"), Map.entry('h', "home"),
            Map.entry('w', "password"));

    public String expand(String template) {
        return expand(template, UnaryOperator.identity());
    }

    /** Expands {@code template}, passing each substituted value through {@code escape}. */
    public String expand(String template, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '%' || i >= template.length()) {
                out.append(c);
                continue;
            }
            i = variable(template, i, out, escape);
        }
        return out.toString();
    }

    private int variable(String t, int i, StringBuilder out, UnaryOperator<String> escape) {
        if (t.charAt(i) == '%') {
            out.append('%');
            return i + 1;
        }
        int offset = 0;
        int width = -1;
        int[] num = new int[1];
        int j = number(t, i, num);
        if (j != i && j < t.length() && t.charAt(j) == '.') {
            offset = num[0];
            int k = number(t, j + 1, num);
            width = k == j + 1 ? -1 : num[0];
            j = k;
        } else if (j != i) {
            width = num[0];
        }
        boolean lower = false;
        boolean upper = false;
        while (j < t.length() && (t.charAt(j) == 'L' || t.charAt(j) == 'U')) {
            lower |= t.charAt(j) == 'L';
            upper |= t.charAt(j) == 'U';
            j++;
        }
        if (j >= t.length()) {
            return j;
        }
        String name;
        if (t.charAt(j) == '{') {
            int end = t.indexOf('}', j);
            if (end < 0) {
                out.append(t, j, t.length());
                return t.length();
            }
            name = t.substring(j + 1, end);
            j = end + 1;
        } else {
            name = SHORT.getOrDefault(t.charAt(j), "");
            j++;
        }
        String v = values.apply(name);
        v = v == null ? "" : slice(v, offset, width);
        v = lower ? v.toLowerCase(Locale.ROOT) : upper ? v.toUpperCase(Locale.ROOT) : v;
        out.append(escape.apply(v));
        return j;
    }

    private static int number(String t, int i, int[] into) {
        int j = i;
        boolean negative = j < t.length() && t.charAt(j) == '-';
        if (negative) {
            j++;
        }
        int start = j;
        while (j < t.length() && Character.isDigit(t.charAt(j))) {
            j++;
        }
        if (j == start) {
            return i;
        }
        int n = Integer.parseInt(t.substring(start, j));
        into[0] = negative ? -n : n;
        return j;
    }

    private static String slice(String v, int offset, int width) {
        int from = offset < 0 ? Math.max(0, v.length() + offset) : Math.min(offset, v.length());
        int to = width < 0 ? v.length() : Math.min(v.length(), from + width);
        return v.substring(from, to);
    }
}
