package org.loftmail.quota.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quota settings of {@code org.loftmail.settings}: the {@code plugin { }} keys (given as
 * {@code plugin.KEY}), {@code mail_location} and the personal namespace's {@code location}.
 * {@link #forUser} lays the userdb's fields over the plug-in settings, as Dovecot does (a userdb
 * {@code quota_rule} replaces the configured {@code quota_rule}; {@code quota_rule2} stays).
 */
final class QuotaSettings {

    /** Dovecot's default {@code quota_exceeded_message}. */
    static final String EXCEEDED = "Quota exceeded (mailbox for user is full)";
    static final String TOO_BIG = "Mail size is larger than the maximum size allowed by server configuration";
    static final String DEFAULT_ROOT = "User quota";

    private final Map<String, String> plugin;
    private final String mailLocation;
    private final String namespaceLocation;

    private QuotaSettings(Map<String, String> plugin, String mailLocation, String namespaceLocation) {
        this.plugin = plugin;
        this.mailLocation = mailLocation;
        this.namespaceLocation = namespaceLocation;
    }

    static QuotaSettings of(Map<String, ?> props) {
        Map<String, String> plugin = new HashMap<>();
        Map<String, String> ns = new TreeMap<>();
        String mailLocation = null;
        if (props != null) {
            for (Map.Entry<String, ?> e : props.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                String v = e.getValue().toString();
                String k = e.getKey();
                if (k.startsWith("plugin.")) {
                    plugin.put(k.substring("plugin.".length()), v);
                } else if (k.equals("mail_location")) {
                    mailLocation = v;
                } else if (k.startsWith("namespace.") && k.indexOf('.', "namespace.".length()) > 0) {
                    ns.put(k, v);
                }
            }
            // quota_full_tempfail and friends may be written at top level in older configs
            for (String top : List.of("quota_full_tempfail")) {
                Object v = props.get(top);
                if (v != null) {
                    plugin.putIfAbsent(top, v.toString());
                }
            }
        }
        return new QuotaSettings(plugin, mailLocation, personalLocation(ns));
    }

    /** The {@code location} of the namespace with {@code inbox = yes}, if it has one. */
    private static String personalLocation(Map<String, String> ns) {
        for (Map.Entry<String, String> e : ns.entrySet()) {
            String k = e.getKey();
            if (k.endsWith(".inbox") && k.split("\\.").length == 3 && yes(e.getValue())) {
                String prefix = k.substring(0, k.length() - "inbox".length());
                if (!yes(ns.get(prefix + "disabled"))) {
                    String loc = ns.get(prefix + "location");
                    return loc == null || loc.isEmpty() ? null : loc;
                }
            }
        }
        return null;
    }

    private static boolean yes(String v) {
        return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true") || v.equals("1"));
    }

    String plugin(String key) {
        return plugin.get(key);
    }

    /** The effective quota of a user with these userdb fields (may be empty). */
    UserSettings forUser(Map<String, String> userdb) {
        Map<String, String> p = new HashMap<>(plugin);
        for (Map.Entry<String, String> e : userdb.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("plugin/")) {
                k = k.substring("plugin/".length());
            }
            if (k.startsWith("quota")) {
                p.put(k, e.getValue());
            }
        }
        String location = namespaceLocation != null ? namespaceLocation
                : userdb.get("mail") != null && !userdb.get("mail").isEmpty() ? userdb.get("mail") : mailLocation;
        return UserSettings.of(p, location);
    }

    /** The effective settings of one user. */
    record UserSettings(Backend backend, String rootName, boolean noEnforcing, boolean hidden, QuotaRules rules,
            long graceBytes, long gracePercent, long maxMailSize, String exceededMessage, String mailLocation,
            List<String> problems) {

        enum Backend { NONE, COUNT, MAILDIR }

        boolean enabled() {
            return backend != Backend.NONE;
        }

        /** The grace for a storage limit (Dovecot applies it to the bytes limit only). */
        long grace(long bytesLimit) {
            return gracePercent != 0 ? bytesLimit * gracePercent / 100 : graceBytes;
        }

        static UserSettings of(Map<String, String> p, String mailLocation) {
            List<String> problems = new ArrayList<>();
            String spec = p.get("quota");
            Backend backend = Backend.NONE;
            String root = DEFAULT_ROOT;
            boolean noEnforcing = false;
            boolean hidden = false;
            if (spec != null && !spec.isBlank()) {
                String[] parts = spec.trim().split(":", -1);
                String driver = parts[0].toLowerCase(Locale.ROOT);
                switch (driver) {
                    case "maildir" -> backend = Backend.MAILDIR;
                    case "count" -> backend = Backend.COUNT;
                    default -> {
                        backend = Backend.COUNT;
                        problems.add("quota backend '" + driver + "' is not supported, counting usage from the"
                                + " mailboxes instead (maildir and count are)");
                    }
                }
                if (parts.length > 1 && !parts[1].isEmpty()) {
                    root = parts[1];
                }
                for (int i = 2; i < parts.length; i++) {
                    String param = parts[i].toLowerCase(Locale.ROOT);
                    if (param.equals("noenforcing")) {
                        noEnforcing = true;
                    } else if (param.equals("hidden")) {
                        hidden = true;
                    } else if (!param.isEmpty() && !param.equals("ignoreunlimited")) {
                        problems.add("quota parameter '" + parts[i] + "' is ignored");
                    }
                }
            }
            if (p.get("quota2") != null) {
                problems.add("a second quota root (quota2) is not supported and is ignored");
            }
            List<String> defs = new ArrayList<>();
            String first = p.get("quota_rule");
            if (first != null) {
                defs.add(first);
                for (int i = 2; p.get("quota_rule" + i) != null; i++) {
                    defs.add(p.get("quota_rule" + i));
                }
            }
            defs.removeIf(String::isBlank);
            QuotaRules rules = QuotaRules.parse(defs);
            problems.addAll(rules.errors());
            long graceBytes = 0;
            long gracePercent = 10;
            String grace = p.get("quota_grace");
            if (grace != null) {
                try {
                    Sizes.Number n = Sizes.number(grace.replace("%%", "%").trim());
                    long m = Sizes.unit(n.unit(), 1);
                    if (m < 0) {
                        gracePercent = n.value();
                    } else {
                        gracePercent = 0;
                        graceBytes = Math.multiplyExact(n.value(), m);
                    }
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problems.add("quota_grace '" + grace + "' is invalid, using 10%: " + e.getMessage());
                }
            }
            long max = 0;
            String maxText = p.get("quota_max_mail_size");
            if (maxText != null && !maxText.isBlank()) {
                try {
                    max = Sizes.size(maxText);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problems.add("quota_max_mail_size '" + maxText + "' is invalid and ignored: " + e.getMessage());
                }
            }
            String msg = p.get("quota_exceeded_message");
            if (msg == null || msg.isBlank()) {
                msg = EXCEEDED;
            }
            return new UserSettings(backend, root, noEnforcing, hidden, rules, graceBytes, gracePercent, max, msg,
                    mailLocation, List.copyOf(problems));
        }
    }
}
