package org.loftmail.storage.maildir.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed and expanded Dovecot {@code mail_location} for maildir, e.g.
 * {@code maildir:/var/mail/vhosts/%d/%n/:LAYOUT=fs:INDEX=/var/index/%u}.
 *
 * <p>Options follow Dovecot 2.3: {@code LAYOUT=maildir++|fs|index}, {@code INDEX=} (a path or
 * {@code MEMORY}), {@code INDEXPVT=}, {@code CONTROL=}, {@code INBOX=}, {@code UTF-8},
 * {@code VOLATILEDIR=}, {@code SUBSCRIPTIONS=}, {@code LISTINDEX=}, {@code DIRNAME=},
 * {@code FULLDIRNAME=}, {@code NO-NOSELECT}, {@code BROKENCHARS=}, {@code ITERINDEX}. A
 * {@code ::} in the location is a literal colon. An unknown option or variable is an
 * {@link IllegalArgumentException} naming it. Paths that are absent are empty optionals:
 * the caller falls back to the root, as Dovecot does.
 */
public record MailLocation(Path root, Layout layout, Optional<String> index, Optional<Path> indexPrivate,
        Optional<Path> control, Optional<Path> inbox, boolean utf8, Optional<Path> volatileDir,
        String subscriptionsFile, Optional<Path> listIndex, Optional<String> dirName, boolean noNoselect,
        Optional<String> brokenChars, boolean iterIndex) {

    /** Folder layout on disk. */
    public enum Layout { MAILDIRPP, FS, INDEX }

    /** The value of {@code INDEX=MEMORY}: no index files on disk. */
    public static final String INDEX_MEMORY = "MEMORY";

    /**
     * Parses and expands a location.
     *
     * @param location the configured value, starting with {@code maildir:}
     * @param user the full user name ({@code %u}); {@code %n} and {@code %d} are its parts
     * @param home the user's home ({@code %h}, {@code ~}), or null when the user has none
     */
    public static MailLocation parse(String location, String user, String home) {
        if (!location.startsWith("maildir:")) {
            throw new IllegalArgumentException("mail_location must start with 'maildir:': " + location);
        }
        List<String> parts = split(location.substring("maildir:".length()));
        Variables vars = new Variables(user, home);
        String rootText = vars.expandPath(parts.get(0), "the maildir path");
        if (rootText.isEmpty()) {
            throw new IllegalArgumentException("mail_location has no maildir path: " + location);
        }
        Builder b = new Builder(Path.of(rootText));
        for (String option : parts.subList(1, parts.size())) {
            b.option(option, vars);
        }
        return b.build();
    }

    /** Splits at single colons; {@code ::} is a literal colon. */
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

    /** The directory holding uidlist and keywords files of a mailbox: CONTROL= when set. */
    public Path controlRoot() {
        return control.orElse(root);
    }

    /** Whether {@code INDEX=MEMORY}: no index files on disk at all. */
    public boolean indexInMemory() {
        return index.filter(INDEX_MEMORY::equals).isPresent();
    }

    /** The {@code INDEX=} directory, when set to a path (empty when absent or {@code MEMORY}). */
    public Optional<Path> indexDir() {
        return index.filter(v -> !v.equals(INDEX_MEMORY)).map(Path::of);
    }

    private static final class Builder {
        private final Path root;
        private Layout layout = Layout.MAILDIRPP;
        private Optional<String> index = Optional.empty();
        private Optional<Path> indexPvt = Optional.empty();
        private Optional<Path> control = Optional.empty();
        private Optional<Path> inbox = Optional.empty();
        private boolean utf8;
        private Optional<Path> volatileDir = Optional.empty();
        private String subscriptions = "subscriptions";
        private Optional<Path> listIndex = Optional.empty();
        private Optional<String> dirName = Optional.empty();
        private boolean noNoselect;
        private Optional<String> brokenChars = Optional.empty();
        private boolean iterIndex;

        Builder(Path root) {
            this.root = root;
        }

        void option(String option, Variables vars) {
            int eq = option.indexOf('=');
            String key = (eq < 0 ? option : option.substring(0, eq)).toUpperCase(Locale.ROOT);
            String raw = eq < 0 ? null : option.substring(eq + 1);
            switch (key) {
                case "UTF-8" -> utf8 = flag(key, raw);
                case "NO-NOSELECT" -> noNoselect = flag(key, raw);
                case "ITERINDEX" -> iterIndex = flag(key, raw);
                case "LAYOUT" -> layout = layout(value(key, raw));
                case "INDEX" -> index = Optional.of(value(key, raw)).map(
                        v -> v.equalsIgnoreCase(INDEX_MEMORY) ? INDEX_MEMORY : vars.expandPath(v, key));
                case "INDEXPVT" -> indexPvt = Optional.of(Path.of(vars.expandPath(value(key, raw), key)));
                case "CONTROL" -> control = Optional.of(Path.of(vars.expandPath(value(key, raw), key)));
                case "INBOX" -> inbox = Optional.of(Path.of(vars.expandPath(value(key, raw), key)));
                case "VOLATILEDIR" -> volatileDir = Optional.of(Path.of(vars.expandPath(value(key, raw), key)));
                case "LISTINDEX" -> listIndex = Optional.of(Path.of(vars.expandPath(value(key, raw), key)));
                case "SUBSCRIPTIONS" -> subscriptions = vars.expand(value(key, raw));
                case "DIRNAME", "FULLDIRNAME" -> dirName = Optional.of(vars.expand(value(key, raw)));
                case "BROKENCHARS" -> brokenChars = Optional.of(value(key, raw));
                default -> throw new IllegalArgumentException("unknown mail_location option '" + key
                        + "' (maildir knows LAYOUT, INDEX, INDEXPVT, CONTROL, INBOX, UTF-8, VOLATILEDIR,"
                        + " SUBSCRIPTIONS, LISTINDEX, DIRNAME, FULLDIRNAME, NO-NOSELECT, BROKENCHARS, ITERINDEX)");
            }
        }

        private static boolean flag(String key, String raw) {
            if (raw != null) {
                throw new IllegalArgumentException("mail_location option '" + key + "' takes no value");
            }
            return true;
        }

        private static String value(String key, String raw) {
            if (raw == null || raw.isEmpty()) {
                throw new IllegalArgumentException("mail_location option '" + key + "' needs a value: " + key + "=...");
            }
            return raw;
        }

        private static Layout layout(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "maildir++" -> Layout.MAILDIRPP;
                case "fs" -> Layout.FS;
                case "index" -> Layout.INDEX;
                default -> throw new IllegalArgumentException(
                        "unknown LAYOUT '" + value + "' (maildir knows maildir++, fs, index)");
            };
        }

        MailLocation build() {
            return new MailLocation(root, layout, index, indexPvt, control, inbox, utf8, volatileDir,
                    subscriptions, listIndex, dirName, noNoselect, brokenChars, iterIndex);
        }
    }
}
