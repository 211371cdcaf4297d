package org.loftmail.storage.maildir.impl;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rules a mailbox name (hierarchy separator {@code /}) must pass before it becomes a
 * path: no empty, {@code .} or {@code ..} level, no control characters or NUL, no leading
 * {@code /} or {@code ~}, levels of at most 255 bytes on disk, and, in Maildir++, no
 * {@code .} inside a level (it is the on-disk separator). Errors name the rule.
 */
final class MailboxNames {
    static final int MAX_LEVEL_BYTES = 255;
    static final int MAX_NAME_CHARS = 1024;

    private MailboxNames() {
    }

    /** The levels of a valid name. */
    static List<String> levels(String name, boolean maildirPlusPlus) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("mailbox name is empty");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("mailbox name is longer than " + MAX_NAME_CHARS + " characters");
        }
        if (name.startsWith("/")) {
            throw new IllegalArgumentException("mailbox name must not start with '/': " + name);
        }
        if (name.startsWith("~")) {
            throw new IllegalArgumentException("mailbox name must not start with '~': " + name);
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("mailbox name contains a control character (0x"
                        + Integer.toHexString(c) + ")");
            }
        }
        List<String> levels = List.of(name.split("/", -1));
        for (String level : levels) {
            if (level.isEmpty()) {
                throw new IllegalArgumentException("mailbox name has an empty level: " + name);
            }
            if (level.equals(".") || level.equals("..")) {
                throw new IllegalArgumentException("mailbox name must not have a '" + level + "' level: " + name);
            }
            if (maildirPlusPlus && level.indexOf('.') >= 0) {
                throw new IllegalArgumentException("'.' is the Maildir++ separator on disk and not allowed in a"
                        + " level: " + name);
            }
            if (level.getBytes(StandardCharsets.UTF_8).length > MAX_LEVEL_BYTES) {
                throw new IllegalArgumentException("mailbox name level is longer than " + MAX_LEVEL_BYTES + " bytes");
            }
        }
        return levels;
    }
}
