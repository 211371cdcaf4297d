package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.Namespace;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.storage.core.impl.name.MailboxNames;

/**
 * The personal namespace as the {@code namespace.N.*} and {@code namespace.N.mailbox.M.*} keys of
 * {@code org.loftmail.settings} configure it (docs/configadmin.md): its separator, its prefix
 * (empty or {@code INBOX} + separator, the Courier-compatible {@code INBOX.}), an optional
 * {@code location}, and its {@code mailbox NAME { }} blocks ({@code auto}, {@code special_use}).
 * Internal names ({@code '/'} between levels) never carry the prefix; the names sessions see do,
 * except INBOX.
 * The personal namespace is the one with {@code inbox = yes}, else the only private one; without
 * namespace blocks it is Loft's default (prefix "", separator '/', INBOX). Other namespaces are
 * not served and are reported in {@link #warnings()}. A configuration Loft cannot serve as
 * written has an {@link #error()}; the storage then refuses to open stores rather than show
 * other names than the configuration promises.
 */
final class NamespaceConfig {

    /** One {@code mailbox NAME { auto = create|subscribe }}, by internal name. */
    record AutoMailbox(String name, boolean subscribe) {
    }

    static final Namespace DEFAULT_PERSONAL = new Namespace("", '/', Namespace.Type.PERSONAL, true, true, true);
    static final NamespaceConfig DEFAULT = new NamespaceConfig(DEFAULT_PERSONAL, null, List.of(), Map.of(), null,
            List.of());

    /**
     * Separators Loft serves: printable ASCII that is neither a letter, a digit, nor special in
     * IMAP ({@code " \ * % &}), nor in the name rules ({@code ~}).
     */
    private static final String SEPARATORS = "/.!#$'+,-:;=?@^_`|";
    private static final Pattern KEY = Pattern.compile("namespace\\.(\\d+)\\.(?:mailbox\\.(\\d+)\\.)?(.+)");

    private final Namespace namespace;
    private final String location;
    private final List<AutoMailbox> auto;
    private final Map<String, Set<MailboxAttribute>> specialUse;
    private final String error;
    private final List<String> warnings;

    private NamespaceConfig(Namespace namespace, String location, List<AutoMailbox> auto,
            Map<String, Set<MailboxAttribute>> specialUse, String error, List<String> warnings) {
        this.namespace = namespace;
        this.location = location;
        this.auto = List.copyOf(auto);
        Map<String, Set<MailboxAttribute>> copy = new LinkedHashMap<>();
        specialUse.forEach((name, attributes) -> copy.put(name, Set.copyOf(attributes)));
        this.specialUse = Map.copyOf(copy);
        this.error = error;
        this.warnings = List.copyOf(warnings);
    }

    /** The namespace {@code UserMailboxes.namespaces()} reports. */
    Namespace namespace() {
        return namespace;
    }

    char separator() {
        return namespace.separator();
    }

    /** The personal namespace's {@code location} when written, else null ({@code mail_location} applies). */
    String location() {
        return location;
    }

    /** The mailboxes to create (and subscribe) when a user's store is opened, in the order written. */
    List<AutoMailbox> auto() {
        return auto;
    }

    /** The special-use attributes of mailboxes, by internal name. */
    Set<MailboxAttribute> specialUse(String internalName) {
        return specialUse.getOrDefault(internalName, Set.of());
    }

    /** Why the configuration cannot be served, or null. */
    String error() {
        return error;
    }

    /** What the configuration asks for that Loft does not do, one sentence each. */
    List<String> warnings() {
        return warnings;
    }

    /** The namespace's prefix: empty, or {@code INBOX} followed by the separator. */
    String prefix() {
        return namespace.prefix();
    }

    /**
     * Whether the namespace prefix's root is INBOX (prefix {@code INBOX.} with separator
     * {@code .}): INBOX is then the parent of every other mailbox, as in Dovecot.
     */
    boolean inboxIsRoot() {
        return !namespace.prefix().isEmpty();
    }

    /**
     * A name as the user writes it, checked, in internal form ({@code '/'} between levels, without
     * the namespace prefix). With a prefix, INBOX (any case) is INBOX and every other name must
     * start with the prefix (its INBOX part in any case).
     *
     * @param forNew whether the name is one to create (CREATE, RENAME's target, SUBSCRIBE): a name
     *     outside the namespace is then {@code INVALID_NAME}, else {@code NOT_FOUND}
     */
    String internal(String external, boolean forNew) throws StorageException {
        String prefix = prefix();
        if (prefix.isEmpty()) {
            return MailboxNames.check(external, separator());
        }
        if (external != null && external.equalsIgnoreCase(MailboxNames.INBOX)) {
            return MailboxNames.INBOX;
        }
        if (external == null || external.length() <= prefix.length()
                || !external.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw outside(external, forNew);
        }
        String rest = external.substring(prefix.length());
        String internal;
        try {
            internal = MailboxNames.check(rest, separator());
        } catch (StorageException e) {
            String shownRest = rest.length() > 60 ? rest.substring(0, 60) + "..." : rest;
            throw new StorageException(e.error(), e.getMessage().replace("'" + shownRest.replaceAll("\\p{Cntrl}", "?")
                    + "'", "'" + (prefix + shownRest).replaceAll("\\p{Cntrl}", "?") + "'"));
        }
        // as in Dovecot, INBOX.INBOX is INBOX (STATUS shows its messages, CREATE says it exists)
        return internal;
    }

    private StorageException outside(String external, boolean forNew) {
        String shown = external == null ? "" : external.length() > 60 ? external.substring(0, 60) + "..." : external;
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        if (!forNew) {
            return new StorageException(StorageError.NOT_FOUND, "Mailbox doesn't exist: " + shown);
        }
        return new StorageException(StorageError.INVALID_NAME, "Invalid mailbox name '" + shown
                + "': it is outside the personal namespace; mailbox names start with the prefix " + prefix()
                + " (or are INBOX)");
    }

    /** The user's name for an internal name, or null when it cannot be written with the separator. */
    String external(String internal) {
        String e = MailboxNames.external(internal, separator());
        return e == null || MailboxNames.isInbox(internal) ? e : prefix() + e;
    }

    /** The user's name for an internal name; one that cannot be written keeps its levels joined by the separator. */
    String shown(String internal) {
        String s = separator() == MailboxNames.SEPARATOR ? internal
                : internal.replace(MailboxNames.SEPARATOR, separator());
        return MailboxNames.isInbox(internal) ? s : prefix() + s;
    }

    /** Reads the namespace keys of {@code org.loftmail.settings}. */
    static NamespaceConfig from(Map<String, ?> settings) {
        Map<Integer, Block> blocks = new TreeMap<>();
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches() || e.getValue() == null) {
                continue;
            }
            Block ns = blocks.computeIfAbsent(Integer.valueOf(m.group(1)), n -> new Block());
            if (m.group(2) == null) {
                ns.values.put(m.group(3), e.getValue().toString());
            } else {
                ns.mailboxes.computeIfAbsent(Integer.valueOf(m.group(2)), n -> new Block()).values
                        .put(m.group(3), e.getValue().toString());
            }
        }
        if (blocks.isEmpty()) {
            return DEFAULT;
        }
        return new Reader(blocks).read();
    }

    /** One block's settings as written. */
    private static final class Block {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<Integer, Block> mailboxes = new TreeMap<>();

        String get(String key, String fallback) {
            String v = values.get(key);
            return v == null ? fallback : v.trim();
        }

        boolean yes(String key, boolean fallback) {
            String v = values.get(key);
            if (v == null || v.isBlank()) {
                return fallback;
            }
            return switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "1" -> true;
                default -> false;
            };
        }

        String label() {
            String name = values.get("name");
            return name == null || name.isEmpty() ? "namespace (unnamed)" : "namespace " + name;
        }

        String type() {
            return get("type", "private").toLowerCase(Locale.ROOT);
        }
    }

    private static final class Reader {
        private final Map<Integer, Block> blocks;
        private final List<String> warnings = new ArrayList<>();

        Reader(Map<Integer, Block> blocks) {
            this.blocks = blocks;
        }

        NamespaceConfig read() {
            List<Block> enabled = blocks.values().stream().filter(b -> !b.yes("disabled", false)).toList();
            List<Block> withInbox = enabled.stream().filter(b -> b.yes("inbox", false)).toList();
            List<Block> privates = enabled.stream().filter(b -> b.type().equals("private")).toList();
            Block personal;
            if (withInbox.size() > 1) {
                return failed(withInbox.get(0).label() + " and " + withInbox.get(1).label()
                        + " both have inbox = yes; only one namespace can hold INBOX");
            } else if (withInbox.size() == 1) {
                personal = withInbox.get(0);
                if (!personal.type().equals("private")) {
                    return failed(personal.label() + " has inbox = yes but type = " + personal.type()
                            + "; Loft serves INBOX from a private namespace only");
                }
            } else if (privates.size() == 1) {
                personal = privates.get(0);
            } else if (privates.isEmpty()) {
                personal = null;
                warnings.add("no namespace has inbox = yes and none is private: serving the default personal"
                        + " namespace (prefix \"\", separator '/')");
            } else {
                return failed("there are " + privates.size() + " private namespaces (" + privates.get(0).label()
                        + ", " + privates.get(1).label() + ", ...) and none has inbox = yes; set inbox = yes"
                        + " in the one that holds INBOX");
            }
            for (Block b : enabled) {
                if (b != personal) {
                    warnings.add(b.label() + " (type = " + b.type() + ", prefix \"" + b.get("prefix", "")
                            + "\") is not supported and is ignored: Loft serves only the personal namespace");
                }
            }
            if (personal == null) {
                return new NamespaceConfig(DEFAULT_PERSONAL, null, List.of(), Map.of(), null, warnings);
            }
            return personal(personal);
        }

        private NamespaceConfig personal(Block b) {
            String label = b.label();
            String sep = b.get("separator", "");
            char separator;
            if (sep.isEmpty()) {
                separator = MailboxNames.SEPARATOR;
            } else if (sep.length() != 1) {
                return failed(label + ": separator '" + sep + "' must be a single character");
            } else if (SEPARATORS.indexOf(sep.charAt(0)) < 0) {
                return failed(label + ": separator '" + sep + "' is not supported; use '/' or '.' (or one of "
                        + SEPARATORS + ")");
            } else {
                separator = sep.charAt(0);
            }
            String prefix = b.get("prefix", "");
            if (!prefix.isEmpty()) {
                if (!prefix.equalsIgnoreCase(MailboxNames.INBOX + separator)) {
                    return failed(label + ": prefix '" + prefix + "' is not supported yet: Loft serves the personal"
                            + " namespace with an empty prefix or the prefix INBOX" + separator + " only");
                }
                prefix = MailboxNames.INBOX + separator;
            }
            String list = b.get("list", "yes").toLowerCase(Locale.ROOT);
            if (list.equals("no")) {
                warnings.add(label + ": list = no has no effect: LIST always shows the personal namespace");
            }
            if (b.yes("hidden", false)) {
                warnings.add(label + ": hidden = yes has no effect: NAMESPACE always announces the personal namespace");
            }
            boolean subscriptions = b.yes("subscriptions", true);
            if (!subscriptions) {
                warnings.add(label + ": subscriptions = no has no effect: the personal namespace keeps its own"
                        + " subscriptions");
            }
            String location = b.get("location", "");
            Namespace ns = new Namespace(prefix, separator, Namespace.Type.PERSONAL, true, !list.equals("no"),
                    subscriptions);
            List<AutoMailbox> auto = new ArrayList<>();
            Map<String, Set<MailboxAttribute>> specialUse = new LinkedHashMap<>();
            for (Block mailbox : b.mailboxes.values()) {
                mailbox(label, separator, prefix, mailbox, auto, specialUse);
            }
            return new NamespaceConfig(ns, location.isEmpty() ? null : location, auto, specialUse, null, warnings);
        }

        /**
         * One {@code mailbox NAME { }} block. As in Dovecot (mailbox_settings_find), NAME is written
         * without the namespace prefix: with prefix {@code INBOX.}, {@code mailbox Sent} is
         * {@code INBOX.Sent} and {@code mailbox INBOX} is INBOX.
         */
        private void mailbox(String label, char separator, String prefix, Block b, List<AutoMailbox> auto,
                Map<String, Set<MailboxAttribute>> specialUse) {
            String written = b.values.getOrDefault("name", "");
            String where = label + ": mailbox '" + written + "'";
            String name;
            try {
                name = MailboxNames.check(written, separator);
            } catch (StorageException e) {
                warnings.add(where + " is ignored: " + e.getMessage());
                return;
            }
            if (!prefix.isEmpty() && !MailboxNames.isInbox(name) && MailboxNames.isInbox(MailboxNames.levels(name).get(0))) {
                warnings.add(where + " is the mailbox " + prefix + written + ": mailbox names in a namespace block are"
                        + " written without the namespace prefix " + prefix);
            }
            String mode = b.get("auto", "no").toLowerCase(Locale.ROOT);
            switch (mode) {
                case "no" -> {
                }
                case "create", "subscribe" -> {
                    boolean subscribe = mode.equals("subscribe");
                    int i = indexOf(auto, name);
                    if (i < 0) {
                        auto.add(new AutoMailbox(name, subscribe));
                    } else if (subscribe) {
                        auto.set(i, new AutoMailbox(name, true));
                    }
                }
                default -> warnings.add(where + ": auto = " + mode + " is not one of no, create, subscribe; taken as no");
            }
            for (String flag : b.get("special_use", "").split("\\s+")) {
                if (flag.isEmpty()) {
                    continue;
                }
                Optional<MailboxAttribute> a = MailboxAttribute.specialUse(flag);
                if (a.isPresent()) {
                    specialUse.computeIfAbsent(name, n -> EnumSet.noneOf(MailboxAttribute.class)).add(a.get());
                } else {
                    warnings.add(where + ": special_use " + flag + " is not an RFC 6154 attribute (\\All \\Archive"
                            + " \\Drafts \\Flagged \\Junk \\Sent \\Trash) and is not shown");
                }
            }
            for (String key : new String[] {"autoexpunge", "autoexpunge_max_mails"}) {
                String v = b.get(key, "0");
                if (!v.isEmpty() && !v.equals("0")) {
                    warnings.add(where + ": " + key + " = " + v + " is not supported yet and has no effect");
                }
            }
        }

        private static int indexOf(List<AutoMailbox> auto, String name) {
            for (int i = 0; i < auto.size(); i++) {
                if (auto.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private NamespaceConfig failed(String error) {
            return new NamespaceConfig(DEFAULT_PERSONAL, null, List.of(), Map.of(), error, warnings);
        }
    }
}
