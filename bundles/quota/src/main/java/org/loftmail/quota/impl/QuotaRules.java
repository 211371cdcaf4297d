package org.loftmail.quota.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One quota root's rules, parsed as Dovecot 2.3's quota plug-in reads {@code quota_rule},
 * {@code quota_rule2}, ...: {@code MASK:LIMITS} where MASK is {@code *} (the default rule) or a
 * mailbox name with {@code *} and {@code ?} wildcards, and LIMITS is {@code ignore} or
 * {@code storage=N[unit]} (KiB without a unit), {@code bytes=N[unit]} (bytes without a unit),
 * {@code messages=N}, separated by {@code :}; units {@code b k M G T} and {@code %} (of the
 * default rule's limit). Values of mailbox rules are added to the default ({@code +100M},
 * {@code -10%}; without a sign too, as Dovecot does, which calls that form obsolete). A rule for
 * a mask written before is updated, not replaced. {@code %%} is read as {@code %} (the
 * configuration keeps it escaped). A limit of 0 is no limit; with neither a storage nor a
 * message limit in the default rule the user has no quota and mailbox rules do not apply.
 */
final class QuotaRules {

    /** The limits that apply to one mailbox. {@code 0} is unlimited. */
    record Limits(long bytes, long count, boolean ignored) {
        boolean unlimited() {
            return bytes <= 0 && count <= 0;
        }
    }

    private static final class Rule {
        final String mask;
        long bytes;
        long count;
        long bytesPercent;
        long countPercent;
        boolean ignore;

        Rule(String mask) {
            this.mask = mask;
        }
    }

    private final Rule defaultRule = new Rule("*");
    private final List<Rule> rules = new ArrayList<>();
    private boolean hasDefault;
    private final List<String> errors = new ArrayList<>();

    /** Parses rules in order; an invalid rule is left out and reported in {@link #errors()}. */
    static QuotaRules parse(List<String> definitions) {
        QuotaRules r = new QuotaRules();
        for (String d : definitions) {
            try {
                r.add(d);
            } catch (IllegalArgumentException e) {
                r.errors.add("quota rule '" + d + "': " + e.getMessage());
            }
        }
        return r;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Whether a {@code *} rule with limits (or {@code ignore}) was written. */
    boolean hasDefault() {
        return hasDefault;
    }

    long defaultBytes() {
        return defaultRule.bytes;
    }

    long defaultCount() {
        return defaultRule.count;
    }

    private void add(String definition) {
        String def = definition.replace("%%", "%").trim();
        int colon = def.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid rule, expected MAILBOX:LIMITS");
        }
        String mask = def.substring(0, colon);
        String limits = def.substring(colon + 1);
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("empty mailbox name");
        }
        boolean isDefault = mask.equals("*");
        Rule rule = isDefault ? defaultRule : find(mask);
        // parse into a copy so that a broken rule changes nothing
        Rule parsed = copy(rule == null ? new Rule(mask) : rule);
        if (limits.equalsIgnoreCase("ignore")) {
            parsed.ignore = true;
        } else if (limits.startsWith("backend=")) {
            // backend specific (dict, fs); nothing to do for maildir and count
        } else {
            parseLimits(parsed, limits, !isDefault);
        }
        if (isDefault) {
            if (parsed.bytesPercent != 0 || parsed.countPercent != 0) {
                throw new IllegalArgumentException("the default rule cannot be a percentage");
            }
            defaultRule.bytes = parsed.bytes;
            defaultRule.count = parsed.count;
            defaultRule.ignore = parsed.ignore;
            hasDefault = true;
        } else if (rule == null) {
            rules.add(parsed);
        } else {
            rules.set(rules.indexOf(rule), parsed);
        }
    }

    private static Rule copy(Rule r) {
        Rule c = new Rule(r.mask);
        c.bytes = r.bytes;
        c.count = r.count;
        c.bytesPercent = r.bytesPercent;
        c.countPercent = r.countPercent;
        c.ignore = r.ignore;
        return c;
    }

    private static void parseLimits(Rule rule, String limits, boolean relative) {
        for (String arg : limits.split(":")) {
            if (arg.isEmpty()) {
                continue;
            }
            int eq = arg.indexOf('=');
            String key = (eq < 0 ? arg : arg.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            if (value.startsWith("+")) {
                if (!relative) {
                    throw new IllegalArgumentException("the default rule can't have relative '+' values");
                }
                value = value.substring(1);
            }
            switch (key) {
                case "storage", "bytes" -> {
                    Sizes.Number n = Sizes.number(value);
                    long m = Sizes.unit(n.unit(), key.equals("storage") ? 1024 : 1);
                    if (m < 0) {
                        rule.bytesPercent = n.value();
                        rule.bytes = 0;
                    } else {
                        rule.bytes = Math.multiplyExact(n.value(), m);
                        rule.bytesPercent = 0;
                    }
                }
                case "messages" -> {
                    Sizes.Number n = Sizes.number(value);
                    long m = Sizes.unit(n.unit(), 1);
                    if (m < 0) {
                        rule.countPercent = n.value();
                        rule.count = 0;
                    } else {
                        rule.count = Math.multiplyExact(n.value(), m);
                        rule.countPercent = 0;
                    }
                }
                default -> throw new IllegalArgumentException("unknown rule limit name: " + key);
            }
        }
    }

    private Rule find(String mask) {
        for (Rule r : rules) {
            if (r.mask.equals(mask)) {
                return r;
            }
        }
        return null;
    }

    /** The limits with the default rule's own limits. */
    Limits limitsFor(String mailbox) {
        return limitsFor(mailbox, defaultRule.bytes, defaultRule.count);
    }

    /**
     * The limits for a mailbox given the default limits (those of the {@code *} rule, or those a
     * maildirsize file gives when no rule was written): the first mailbox rule whose mask matches
     * adds its values (percentages of the default) or ignores the mailbox.
     */
    Limits limitsFor(String mailbox, long defaultBytes, long defaultCount) {
        if (defaultBytes <= 0 && defaultCount <= 0) {
            return new Limits(0, 0, ignored(mailbox));
        }
        long bytes = defaultBytes;
        long count = defaultCount;
        Rule rule = match(mailbox);
        if (rule != null) {
            if (rule.ignore) {
                return new Limits(0, 0, true);
            }
            bytes += rule.bytesPercent != 0 ? defaultBytes * rule.bytesPercent / 100 : rule.bytes;
            count += rule.countPercent != 0 ? defaultCount * rule.countPercent / 100 : rule.count;
        } else if (defaultRule.ignore) {
            return new Limits(0, 0, true);
        }
        return new Limits(Math.max(0, bytes), Math.max(0, count), false);
    }

    /** Whether the mailbox is neither counted nor limited ({@code MAILBOX:ignore}, or {@code *:ignore} without a rule of its own). */
    boolean ignored(String mailbox) {
        Rule rule = match(mailbox);
        return rule != null ? rule.ignore : defaultRule.ignore;
    }

    private Rule match(String mailbox) {
        for (Rule r : rules) {
            if (wildcardMatch(mailbox, r.mask)) {
                return r;
            }
        }
        return null;
    }

    /** Dovecot's {@code wildcard_match}: {@code *} any run, {@code ?} one character; INBOX in any case. */
    static boolean wildcardMatch(String name, String mask) {
        if (mask.equalsIgnoreCase("INBOX") && name.equalsIgnoreCase("INBOX")) {
            return true;
        }
        return match(name, 0, mask, 0);
    }

    private static boolean match(String s, int i, String p, int j) {
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '*') {
                while (j < p.length() && p.charAt(j) == '*') {
                    j++;
                }
                if (j == p.length()) {
                    return true;
                }
                for (int k = i; k <= s.length(); k++) {
                    if (match(s, k, p, j)) {
                        return true;
                    }
                }
                return false;
            }
            if (i >= s.length() || (c != '?' && c != s.charAt(i))) {
                return false;
            }
            i++;
            j++;
        }
        return i == s.length();
    }
}
