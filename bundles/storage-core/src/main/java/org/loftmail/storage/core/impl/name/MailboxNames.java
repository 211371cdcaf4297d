package org.loftmail.storage.core.impl.name;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/**
 * Mailbox-name rules (issue 4 part 4), checked before a driver sees a name, so that no name can
 * leave the user's root whatever the driver maps it to. Every refusal names the rule broken.
 */
public final class MailboxNames {

    public static final String INBOX = "INBOX";
    public static final char SEPARATOR = '/';
    /** Longest name in characters; Dovecot's limit for a full mailbox name is close (MAILBOX_LIST_NAME_MAX_LENGTH). */
    public static final int MAX_LENGTH = 255;
    public static final int MAX_LEVELS = 32;

    private MailboxNames() {
    }

    /** Checks a name written with {@code '/'} between levels and returns it with INBOX (any case) spelled {@code INBOX}. */
    public static String check(String name) throws StorageException {
        return check(name, SEPARATOR);
    }

    /**
     * Checks a name written with the hierarchy separator {@code separator} (the personal
     * namespace's) and returns its internal form: {@code '/'} between levels, INBOX (any case)
     * spelled {@code INBOX}. With a separator other than {@code '/'}, a {@code '/'} inside a name
     * is refused, since drivers take it as the level boundary.
     */
    public static String check(String name, char separator) throws StorageException {
        if (name == null || name.isEmpty()) {
            throw invalid(name, "the name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw invalid(name, "the name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw invalid(name, "the name contains a control character (code " + (int) c + ")");
            }
            if (c == '*' || c == '%') {
                throw invalid(name, "the name contains the LIST wildcard '" + c + "'");
            }
        }
        if (separator != SEPARATOR && name.indexOf(SEPARATOR) >= 0) {
            throw invalid(name, "the name contains '/', which cannot be used in a mailbox name while the hierarchy"
                    + " separator is '" + separator + "'");
        }
        if (name.charAt(0) == separator) {
            throw invalid(name, separator == SEPARATOR ? "the name is an absolute path (starts with '/')"
                    : "the name starts with the hierarchy separator '" + separator + "'");
        }
        if (name.charAt(0) == '~') {
            throw invalid(name, "the name starts with '~' (another user's home)");
        }
        List<String> levels = levels(name, separator);
        if (levels.size() > MAX_LEVELS) {
            throw invalid(name, "the name has more than " + MAX_LEVELS + " levels");
        }
        for (String level : levels) {
            if (level.isEmpty()) {
                throw invalid(name, "the name has an empty level ('" + separator + separator + "' or a trailing '"
                        + separator + "')");
            }
            if (level.equals("..") || level.equals(".")) {
                throw invalid(name, "the name has a '" + level + "' level");
            }
        }
        return normalise(separator == SEPARATOR ? name : name.replace(separator, SEPARATOR));
    }

    /**
     * The name a user sees for an internal name ({@code '/'} between levels) under the hierarchy
     * separator {@code separator}, or null when a level contains that separator, so that the
     * name cannot be written with it.
     */
    public static String external(String internal, char separator) {
        if (separator == SEPARATOR) {
            return internal;
        }
        return internal.indexOf(separator) >= 0 ? null : internal.replace(SEPARATOR, separator);
    }

    /** {@code INBOX} in any case becomes {@code INBOX}, also as the first level. */
    public static String normalise(String name) {
        if (name.length() >= 5 && name.regionMatches(true, 0, INBOX, 0, 5)
                && (name.length() == 5 || name.charAt(5) == SEPARATOR)) {
            return INBOX + name.substring(5);
        }
        return name;
    }

    public static boolean isInbox(String name) {
        return INBOX.equals(name);
    }

    /** The levels of a name: {@code a/b} is {@code [a, b]}. */
    public static List<String> levels(String name) {
        return levels(name, SEPARATOR);
    }

    private static List<String> levels(String name, char separator) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == separator) {
                out.add(name.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** The parents of a name, outermost first: {@code a/b/c} gives {@code a, a/b}. */
    public static List<String> parents(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == SEPARATOR) {
                out.add(name.substring(0, i));
            }
        }
        return out;
    }

    /** Whether {@code name} lies below {@code parent}. */
    public static boolean isChild(String name, String parent) {
        return name.length() > parent.length() + 1 && name.startsWith(parent)
                && name.charAt(parent.length()) == SEPARATOR;
    }

    private static StorageException invalid(String name, String rule) {
        String shown = name == null ? "" : name.length() > 60 ? name.substring(0, 60) + "..." : name;
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        return new StorageException(StorageError.INVALID_NAME, "Invalid mailbox name '" + shown + "': " + rule);
    }
}
