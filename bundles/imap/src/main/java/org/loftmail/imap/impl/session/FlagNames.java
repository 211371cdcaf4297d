package org.loftmail.imap.impl.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;

/** Flags between their IMAP names and storage values, in Dovecot's order. */
public final class FlagNames {

    /** Dovecot's order of system flags in FLAGS responses. */
    private static final Flag[] ORDER = {Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.SEEN, Flag.DRAFT};

    private FlagNames() {
    }

    /** The lists without keywords, by bit mask: bit i for ORDER[i], bit 5 for \Recent. */
    private static final List<List<String>> WITHOUT_KEYWORDS = withoutKeywords();

    /** {@code \Answered \Flagged \Deleted \Seen \Draft}, then {@code \Recent}, then keywords. */
    public static List<String> of(Flags flags, boolean recent) {
        int mask = recent ? 1 << ORDER.length : 0;
        for (int i = 0; i < ORDER.length; i++) {
            if (flags.has(ORDER[i])) {
                mask |= 1 << i;
            }
        }
        List<String> system = WITHOUT_KEYWORDS.get(mask);
        if (flags.keywords().isEmpty()) {
            return system;
        }
        List<String> out = new ArrayList<>(system.size() + flags.keywords().size());
        out.addAll(system);
        out.addAll(new TreeSet<>(flags.keywords()));
        return out;
    }

    private static List<List<String>> withoutKeywords() {
        List<List<String>> all = new ArrayList<>();
        for (int mask = 0; mask < 1 << (ORDER.length + 1); mask++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < ORDER.length; i++) {
                if ((mask & 1 << i) != 0) {
                    names.add(ORDER[i].imapName());
                }
            }
            if ((mask & 1 << ORDER.length) != 0) {
                names.add("\\Recent");
            }
            all.add(List.copyOf(names));
        }
        return List.copyOf(all);
    }

    /** The system flags, then the given keywords: the FLAGS response of SELECT. */
    public static List<String> all(Set<String> keywords) {
        List<String> out = new ArrayList<>();
        for (Flag f : ORDER) {
            out.add(f.imapName());
        }
        out.addAll(new TreeSet<>(keywords));
        return out;
    }

    /**
     * Parses flag names from STORE or APPEND. {@code \Recent} cannot be set by a client and is
     * ignored (RFC 3501 2.3.2).
     *
     * @throws IllegalArgumentException for an unknown system flag such as {@code \Foo}
     */
    public static Flags parse(List<String> names) {
        Set<Flag> system = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        for (String n : names) {
            if (n.startsWith("\\")) {
                Flag f = Flag.fromImap(n);
                if (f != null) {
                    system.add(f);
                } else if (!n.equalsIgnoreCase("\\Recent")) {
                    throw new IllegalArgumentException("Invalid system flag " + n);
                }
            } else {
                keywords.add(n);
            }
        }
        return new Flags(system, keywords);
    }
}
