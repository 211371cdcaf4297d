package org.loftmail.storage.maildir.impl;

import java.util.Locale;

/**
 * Dovecot's {@code %} variables as used in {@code mail_location}: {@code %u} (user),
 * {@code %n} (user part before {@code @}), {@code %d} (domain part), {@code %h} (home),
 * {@code %%}, the long forms {@code %{user}}, {@code %{username}}, {@code %{domain}},
 * {@code %{home}}, and the modifiers {@code L} (lower case) and {@code U} (upper case), as in
 * {@code %Ln}. A leading {@code ~} is the home directory.
 */
final class Variables {
    private final String user;
    private final String home;

    Variables(String user, String home) {
        this.user = user;
        this.home = home;
    }

    /** Expands variables and a leading {@code ~}, and requires an absolute result. */
    String expandPath(String text, String what) {
        String expanded = text;
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = requireHome("~") + expanded.substring(1);
        }
        expanded = expand(expanded);
        if (!expanded.isEmpty() && !expanded.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path: " + expanded);
        }
        return expanded;
    }

    String expand(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int j = i + 1;
            char modifier = 0;
            if (j < text.length() && (text.charAt(j) == 'L' || text.charAt(j) == 'U')) {
                modifier = text.charAt(j++);
            }
            if (j >= text.length()) {
                throw new IllegalArgumentException("'%' at the end of: " + text);
            }
            String name;
            if (text.charAt(j) == '{') {
                int close = text.indexOf('}', j);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '%{' in: " + text);
                }
                name = text.substring(j + 1, close);
                i = close;
            } else {
                name = String.valueOf(text.charAt(j));
                i = j;
            }
            out.append(modify(value(name, text), modifier));
        }
        return out.toString();
    }

    private String value(String name, String text) {
        int at = user.indexOf('@');
        return switch (name) {
            case "%" -> "%";
            case "u", "user" -> user;
            case "n", "username" -> at < 0 ? user : user.substring(0, at);
            case "d", "domain" -> at < 0 ? "" : user.substring(at + 1);
            case "h", "home" -> requireHome("%" + name);
            default -> throw new IllegalArgumentException("unknown variable '%" + name + "' in: " + text
                    + " (mail_location knows %u %n %d %h and %{user} %{username} %{domain} %{home})");
        };
    }

    private String requireHome(String what) {
        if (home == null || home.isEmpty()) {
            throw new IllegalArgumentException(what + " is used but the user has no home directory");
        }
        return home.endsWith("/") && home.length() > 1 ? home.substring(0, home.length() - 1) : home;
    }

    private static String modify(String value, char modifier) {
        return switch (modifier) {
            case 'L' -> value.toLowerCase(Locale.ROOT);
            case 'U' -> value.toUpperCase(Locale.ROOT);
            default -> value;
        };
    }
}
