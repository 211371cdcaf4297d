package org.loftmail.itests.protoscript;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables of one script run and the {@code ${...}} expansion used in {@code C:} lines, literal blocks
 * and {@code S:} patterns.
 *
 * <p>Forms: {@code ${name}} (a variable: {@code user}, {@code password} or a value captured earlier),
 * {@code ${base64:text}} (base64 of the UTF-8 bytes of text, after expanding variables in it and the
 * escapes {@code \0} = NUL and {@code \\} = backslash) and {@code ${repeat:N:text}} (text repeated N
 * times). Expansions nest: {@code ${base64:\0${user}\0${password}}}.
 */
public final class ScriptVars {

    private final Map<String, String> values = new LinkedHashMap<>();

    public ScriptVars() {
    }

    public ScriptVars(Map<String, String> initial) {
        values.putAll(initial);
    }

    public ScriptVars copy() {
        return new ScriptVars(values);
    }

    public void put(String name, String value) {
        values.put(name, value);
    }

    public void putAll(Map<String, String> more) {
        values.putAll(more);
    }

    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Expands every {@code ${...}} in text. */
    public String expand(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated ${ in: " + text);
            }
            out.append(evaluate(text.substring(start + 2, end)));
            i = end + 1;
        }
        return out.toString();
    }

    /** Index of the '}' that closes a "${" whose body starts at from, or -1. */
    public static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private String evaluate(String body) {
        if (body.startsWith("base64:")) {
            String raw = unescape(expand(body.substring("base64:".length())));
            return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }
        if (body.startsWith("repeat:")) {
            String rest = body.substring("repeat:".length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("${repeat:N:text} expected, got ${" + body + "}");
            }
            int n = Integer.parseInt(rest.substring(0, colon).trim());
            return expand(rest.substring(colon + 1)).repeat(n);
        }
        String value = values.get(body);
        if (value == null) {
            throw new IllegalArgumentException("undefined variable ${" + body + "}");
        }
        return value;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case '0' -> out.append('\0');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
