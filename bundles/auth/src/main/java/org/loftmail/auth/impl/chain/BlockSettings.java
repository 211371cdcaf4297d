package org.loftmail.auth.impl.chain;

import java.util.Locale;
import java.util.Map;
import org.loftmail.api.auth.AuthDriver.Kind;
import org.loftmail.api.settings.SettingValues;

/**
 * One {@code passdb { }} or {@code userdb { }} block.
 *
 * @param skip {@code never}; passdb: {@code authenticated}, {@code unauthenticated}; userdb: {@code found}, {@code notfound}
 * @param defaultFields {@code key=value ...} set before the lookup's fields ({@code %} variables allowed)
 * @param overrideFields {@code key=value ...} set over the lookup's fields
 * @param mechanisms passdb: used only for these mechanisms ({@code none} = lookups without a login); empty = all
 * @param usernameFilter passdb: used only for names matching these wildcards ({@code *@example.com !root@*}); empty = all
 */
public record BlockSettings(Kind kind, String driver, String args, String skip, boolean deny, Rule resultSuccess,
        Rule resultFailure, Rule resultInternalfail, String defaultFields, String overrideFields, String mechanisms,
        String usernameFilter) {

    /**
     * Reads a block from its settings as the configuration wrote them ({@code driver}, {@code args},
     * {@code skip}, {@code deny}, {@code result_success}, ...), with Dovecot's defaults.
     */
    public static BlockSettings of(Kind kind, Map<String, String> s) {
        String driver = s.getOrDefault("driver", "").trim();
        if (driver.isEmpty()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " block without driver");
        }
        return new BlockSettings(kind, driver, s.getOrDefault("args", ""),
                s.getOrDefault("skip", "never").trim().toLowerCase(Locale.ROOT),
                SettingValues.yes(s.get("deny")),
                Rule.parse(s.getOrDefault("result_success", "return-ok")),
                Rule.parse(s.getOrDefault("result_failure", "continue")),
                Rule.parse(s.getOrDefault("result_internalfail", "continue")),
                s.getOrDefault("default_fields", ""), s.getOrDefault("override_fields", ""),
                s.getOrDefault("mechanisms", "").trim(), s.getOrDefault("username_filter", "").trim());
    }

    /** Whether this passdb takes part in a lookup for {@code mechanism} ({@code none} without a login). */
    boolean usedFor(String mechanism) {
        if (mechanisms.isEmpty()) {
            return true;
        }
        for (String m : mechanisms.split("[,\\s]+")) {
            if (m.equalsIgnoreCase(mechanism)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code user} passes {@code username_filter}: no negated pattern matches, and a positive one does if any is given. */
    boolean usedForUser(String user) {
        if (usernameFilter.isEmpty()) {
            return true;
        }
        boolean anyPositive = false;
        boolean positiveMatch = false;
        for (String pattern : usernameFilter.split("[,\\s]+")) {
            if (pattern.startsWith("!")) {
                if (wildcard(pattern.substring(1), user)) {
                    return false;
                }
            } else if (!pattern.isEmpty()) {
                anyPositive = true;
                positiveMatch |= wildcard(pattern, user);
            }
        }
        return !anyPositive || positiveMatch;
    }

    private static boolean wildcard(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return text.matches(regex.toString());
    }
}
