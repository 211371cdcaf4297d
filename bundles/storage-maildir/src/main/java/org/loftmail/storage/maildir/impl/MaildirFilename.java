package org.loftmail.storage.maildir.impl;

import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A maildir file name as Dovecot writes it: {@code <base>[:2,<flags>]} where the base is
 * {@code <time>.M<usec>P<pid>[Q<n>].<host>[,S=<size>][,W=<vsize>]}.
 *
 * <p>The base name identifies a message for its whole life: changing flags renames the file
 * but keeps the base. {@code info} is everything after the {@code :} ({@code 2,FS}), or null
 * when the name has none (typical in {@code new/}). Flag letters are kept sorted, as
 * Dovecot writes them: system letters (upper case) first, then keyword letters {@code a-z}.
 */
public record MaildirFilename(String base, String info) {

    public MaildirFilename {
        if (base.isEmpty() || base.indexOf('/') >= 0 || base.indexOf(':') >= 0 || base.startsWith(".")) {
            throw new IllegalArgumentException("not a maildir base name: '" + base + "'");
        }
    }

    /** Parses a file name from {@code new/} or {@code cur/}. */
    public static MaildirFilename parse(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? new MaildirFilename(fileName, null)
                : new MaildirFilename(fileName.substring(0, colon), fileName.substring(colon + 1));
    }

    /** A name with {@code :2,} flags: system flags and keyword indexes (0 is {@code a}). */
    public static MaildirFilename of(String base, Set<MaildirFlag> flags, Set<Integer> keywords) {
        return new MaildirFilename(base, "2," + letters(flags, keywords));
    }

    /** The file name on disk. */
    public String fileName() {
        return info == null ? base : base + ":" + info;
    }

    /** The {@code ,S=} file size, when the name carries it. */
    public OptionalLong size() {
        return field("S");
    }

    /** The {@code ,W=} virtual (CRLF) size, when the name carries it. */
    public OptionalLong vsize() {
        return field("W");
    }

    /** The letters after {@code :2,}; empty when there is no such info. */
    public String flagLetters() {
        return info != null && info.startsWith("2,") ? info.substring(2) : "";
    }

    public Set<MaildirFlag> flags() {
        Set<MaildirFlag> flags = EnumSet.noneOf(MaildirFlag.class);
        for (char c : flagLetters().toCharArray()) {
            MaildirFlag.ofLetter(c).ifPresent(flags::add);
        }
        return flags;
    }

    /** Keyword indexes ({@code a} is 0) for the names in {@code dovecot-keywords}. */
    public Set<Integer> keywords() {
        Set<Integer> keywords = new TreeSet<>();
        for (char c : flagLetters().toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                keywords.add(c - 'a');
            }
        }
        return keywords;
    }

    /** The same base with new flags; letters this class does not know are kept. */
    public MaildirFilename withFlags(Set<MaildirFlag> flags, Set<Integer> keywords) {
        StringBuilder unknown = new StringBuilder();
        for (char c : flagLetters().toCharArray()) {
            if (!(c >= 'a' && c <= 'z') && MaildirFlag.ofLetter(c).isEmpty()) {
                unknown.append(c);
            }
        }
        return new MaildirFilename(base, "2," + sorted(letters(flags, keywords) + unknown));
    }

    private OptionalLong field(String key) {
        String[] parts = base.split(",");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith(key + "=")) {
                try {
                    return OptionalLong.of(Long.parseLong(parts[i].substring(key.length() + 1)));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static String letters(Set<MaildirFlag> flags, Set<Integer> keywords) {
        StringBuilder sb = new StringBuilder();
        flags.forEach(f -> sb.append(f.letter()));
        for (int k : keywords) {
            if (k < 0 || k >= MaildirKeywords.MAX) {
                throw new IllegalArgumentException("keyword index " + k + " has no letter (0..25)");
            }
            sb.append((char) ('a' + k));
        }
        return sorted(sb.toString());
    }

    private static String sorted(String letters) {
        return letters.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
