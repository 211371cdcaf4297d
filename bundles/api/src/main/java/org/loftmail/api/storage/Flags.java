package org.loftmail.api.storage;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * System flags plus keywords of a message. Keywords are IMAP atoms kept and compared exactly as
 * given (a protocol that wants case-insensitive matching normalises them first); they are never
 * empty and contain no backslash, space or control character.
 */
public record Flags(Set<Flag> system, Set<String> keywords) {

    public static final Flags NONE = new Flags(Set.of(), Set.of());

    public Flags {
        system = system.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(system));
        keywords = Set.copyOf(keywords);
        for (String k : keywords) {
            if (!validKeyword(k)) {
                throw new IllegalArgumentException("not a keyword: '" + k + "'");
            }
        }
    }

    /** Whether {@code k} may be a keyword. */
    public static boolean validKeyword(String k) {
        if (k.isEmpty()) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public static Flags of(Flag... flags) {
        return new Flags(flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags), Set.of());
    }

    public boolean has(Flag flag) {
        return system.contains(flag);
    }

    public Flags with(Flags other) {
        Set<Flag> s = new HashSet<>(system);
        s.addAll(other.system);
        Set<String> k = new HashSet<>(keywords);
        k.addAll(other.keywords);
        return new Flags(s, k);
    }

    public Flags without(Flags other) {
        Set<Flag> s = new HashSet<>(system);
        s.removeAll(other.system);
        Set<String> k = new HashSet<>(keywords);
        k.removeAll(other.keywords);
        return new Flags(s, k);
    }

    public Flags withKeywords(String... more) {
        Set<String> k = new HashSet<>(keywords);
        k.addAll(Set.of(more));
        return new Flags(system, k);
    }
}
