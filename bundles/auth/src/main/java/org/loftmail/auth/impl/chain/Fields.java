package org.loftmail.auth.impl.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.api.settings.SettingValues;

/** Dovecot's {@code key=value key2=value2} field lists (args, default_fields, extra fields). */
public final class Fields {

    private Fields() {
    }

    /**
     * Parses space-separated {@code key=value} words; a word without {@code =} is {@code key=""}
     * (a flag such as {@code nopassword}); double quotes group a value with spaces.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : words(text)) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                out.put(word, "");
            } else {
                out.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return out;
    }

    static java.util.List<String> words(String text) {
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Whether a flag field is on: present with an empty value, {@code y}, {@code yes}, {@code 1}. */
    public static boolean flag(Map<String, String> fields, String key) {
        String v = fields.get(key);
        return v != null && (v.isEmpty() || SettingValues.yes(v));
    }
}
