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

    /** {@code \Answered \Flagged \Deleted \Seen \Draft}, then {@code \Recent}, then keywords. */
    public static List<String> of(Flags flags, boolean recent) {
        List<String> out = new ArrayList<>(6 + flags.keywords().size());
        for (Flag f : ORDER) {
            if (flags.has(f)) {
                out.add(f.imapName());
            }
        }
        if (recent) {
            out.add("\\Recent");
        }
        out.addAll(new TreeSet<>(flags.keywords()));
        return out;
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
