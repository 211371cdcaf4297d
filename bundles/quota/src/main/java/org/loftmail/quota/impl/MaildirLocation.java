package org.loftmail.quota.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a user's {@code maildirsize} lives: in the Maildir++ root, or in {@code CONTROL=} when
 * the location has one (as Dovecot keeps it in the control directory). Reads only what that
 * needs from a Dovecot {@code mail_location} ({@code maildir:~/Maildir:INDEX=...:CONTROL=...}):
 * the path and {@code CONTROL=}, with {@code ::} as a literal colon, a leading {@code ~} for the
 * home, and {@code %u %n %d %h %%} (also {@code %{user} %{username} %{domain} %{home}} and the
 * {@code L}/{@code U} modifiers). The rules are those of the storage-maildir bundle, copied.
 */
final class MaildirLocation {

    private MaildirLocation() {
    }

    /**
     * The directory for {@code maildirsize}.
     *
     * @throws IllegalArgumentException when the location is not {@code maildir:} or cannot be expanded
     */
    static Path controlDir(String location, String user, String home) {
        if (location == null || !location.startsWith("maildir:")) {
            throw new IllegalArgumentException("the maildir quota backend needs a maildir: mail location, not '"
                    + location + "'");
        }
        List<String> parts = split(location.substring("maildir:".length()));
        String root = path(parts.get(0), user, home);
        String control = null;
        for (String option : parts.subList(1, parts.size())) {
            int eq = option.indexOf('=');
            if (eq > 0 && option.substring(0, eq).toUpperCase(Locale.ROOT).equals("CONTROL")) {
                control = path(option.substring(eq + 1), user, home);
            }
        }
        String dir = control != null && !control.isEmpty() ? control : root;
        if (dir.isEmpty()) {
            throw new IllegalArgumentException("the mail location has no maildir path: " + location);
        }
        return Path.of(dir);
    }

    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
                current.append(':');
                i++;
            } else if (c == ':') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String path(String text, String user, String home) {
        String t = text;
        if (t.equals("~") || t.startsWith("~/")) {
            t = home(home) + t.substring(1);
        }
        t = expand(t, user, home);
        if (!t.isEmpty() && !t.startsWith("/")) {
            throw new IllegalArgumentException("the maildir path must be absolute: " + t);
        }
        return t;
    }

    static String expand(String text, String user, String home) {
        StringBuilder out = new StringBuilder();
        int at = user.indexOf('@');
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
            String value = switch (name) {
                case "%" -> "%";
                case "u", "user" -> user;
                case "n", "username" -> at < 0 ? user : user.substring(0, at);
                case "d", "domain" -> at < 0 ? "" : user.substring(at + 1);
                case "h", "home" -> home(home);
                default -> throw new IllegalArgumentException("unknown variable '%" + name + "' in: " + text);
            };
            out.append(modifier == 'L' ? value.toLowerCase(Locale.ROOT)
                    : modifier == 'U' ? value.toUpperCase(Locale.ROOT) : value);
        }
        return out.toString();
    }

    private static String home(String home) {
        if (home == null || home.isEmpty()) {
            throw new IllegalArgumentException("~ or %h is used but the user has no home directory");
        }
        return home.endsWith("/") && home.length() > 1 ? home.substring(0, home.length() - 1) : home;
    }
}
