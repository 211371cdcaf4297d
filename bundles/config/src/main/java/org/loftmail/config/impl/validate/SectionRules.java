package org.loftmail.config.impl.validate;

import java.util.Map;
import java.util.Set;
import org.loftmail.config.impl.catalogue.Catalogue;

/** Which sections may appear where, and which need a name: Dovecot 2.3's structure. */
public final class SectionRules {

    /** Blocks that hold top-level settings for some connections only. */
    public static final Set<String> FILTERS = Set.of("protocol", "local", "remote", "local_name");
    /** Blocks that take any {@code key = value}. */
    public static final Set<String> FREE_FORM = Set.of("plugin", "dict");

    private static final Map<String, Set<String>> CHILDREN = Map.of(
            Catalogue.TOP, Set.of("passdb", "userdb", "namespace", "service", "protocol", "local", "remote",
                    "local_name", "plugin", "dict", "metric", "event_exporter"),
            "namespace", Set.of("mailbox"),
            "service", Set.of("inet_listener", "unix_listener", "fifo_listener"));

    private static final Set<String> NAME_REQUIRED = Set.of("service", "protocol", "local", "remote", "local_name",
            "mailbox", "unix_listener", "fifo_listener", "metric", "event_exporter");

    private SectionRules() {
    }

    /** The section types allowed directly inside a section of type path {@code path}. */
    public static Set<String> childrenOf(String path) {
        return CHILDREN.getOrDefault(path, Set.of());
    }

    public static boolean needsName(String type) {
        return NAME_REQUIRED.contains(type);
    }

    /** Where a section type may be written, for messages ("inside 'namespace'"). */
    public static String whereAllowed(String type) {
        for (Map.Entry<String, Set<String>> e : CHILDREN.entrySet()) {
            if (e.getValue().contains(type)) {
                return e.getKey().equals(Catalogue.TOP) ? "at the top level" : "inside '" + e.getKey() + " { }'";
            }
        }
        return null;
    }

    /** The type path of a section of {@code type} inside a section of type path {@code parent}. */
    public static String childPath(String parent, String type) {
        if (FILTERS.contains(type)) {
            return Catalogue.TOP;
        }
        return parent.equals(Catalogue.TOP) ? type : parent + " > " + type;
    }
}
