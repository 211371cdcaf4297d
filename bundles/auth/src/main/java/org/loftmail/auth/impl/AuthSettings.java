package org.loftmail.auth.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loftmail.api.auth.AuthDriver.Kind;
import org.loftmail.api.settings.SettingValues;
import org.loftmail.auth.impl.chain.BlockSettings;

/**
 * The auth settings, read from the {@code org.loftmail.settings} configuration (docs/configadmin.md):
 * top-level {@code auth_*} settings as Dovecot spells them, and the chains as
 * {@code passdb.N.KEY} / {@code userdb.N.KEY} (N from 0, in the order written).
 */
public record AuthSettings(List<String> mechanisms, String usernameFormat, String defaultRealm,
        String usernameChars, boolean disablePlaintext, String trustedNetworks, long cacheSize, Duration cacheTtl,
        Duration cacheNegativeTtl, Duration failureDelay, String anonymousUsername, String hostname,
        List<BlockSettings> passdbs, List<BlockSettings> userdbs) {

    public static final String DEFAULT_USERNAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthSettings.class);

    /**
     * Whether a user lookup must first ask the passdbs whether the user exists: a static userdb
     * knows every name, so like Dovecot it is trusted alone only with {@code allow_all_users=yes}.
     */
    public boolean userLookupNeedsPassdb() {
        return !passdbs.isEmpty() && userdbs.stream().anyMatch(b -> b.driver().equals("static")
                && !SettingValues.yes(org.loftmail.auth.impl.chain.Fields.parse(b.args()).get("allow_all_users")));
    }

    public static AuthSettings of(Map<String, ?> p) {
        AuthSettings s = read(p);
        for (String m : s.mechanisms) {
            if (!KNOWN_MECHANISMS.contains(m)) {
                LOG.warn("auth_mechanisms: {} is not supported by Loft and is not offered", m);
            }
        }
        return s;
    }

    private static final java.util.Set<String> KNOWN_MECHANISMS =
            java.util.Set.of("PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "ANONYMOUS");

    private static AuthSettings read(Map<String, ?> p) {
        return new AuthSettings(
                Arrays.stream(get(p, "auth_mechanisms", "plain").trim().split("[,\\s]+"))
                        .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList(),
                get(p, "auth_username_format", "%Lu"),
                get(p, "auth_default_realm", "").trim(),
                get(p, "auth_username_chars", DEFAULT_USERNAME_CHARS),
                SettingValues.yes(get(p, "disable_plaintext_auth", "yes")),
                get(p, "login_trusted_networks", ""),
                SettingValues.size(get(p, "auth_cache_size", "0")),
                SettingValues.time(get(p, "auth_cache_ttl", "1 hour")),
                SettingValues.time(get(p, "auth_cache_negative_ttl", "1 hour")),
                SettingValues.time(get(p, "auth_failure_delay", "2 secs")),
                get(p, "auth_anonymous_username", "anonymous"),
                get(p, "hostname", "localhost").isBlank() ? "localhost" : get(p, "hostname", "localhost").trim(),
                blocks(p, Kind.PASSDB), blocks(p, Kind.USERDB));
    }

    private static List<BlockSettings> blocks(Map<String, ?> p, Kind kind) {
        String prefix = kind.name().toLowerCase(Locale.ROOT) + ".";
        List<BlockSettings> out = new ArrayList<>();
        for (int n = 0; p.containsKey(prefix + n + ".driver"); n++) {
            Map<String, String> block = new LinkedHashMap<>();
            String blockPrefix = prefix + n + ".";
            p.forEach((k, v) -> {
                if (k.startsWith(blockPrefix)) {
                    block.put(k.substring(blockPrefix.length()), String.valueOf(v));
                }
            });
            if (SettingValues.yes(block.getOrDefault("master", "no"))) {
                LOG.error("{}: master passdbs are not supported yet; the block with driver {} is left out",
                        prefix + n, block.get("driver"));
                continue;
            }
            out.add(BlockSettings.of(kind, block));
        }
        return out;
    }

    private static String get(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : String.valueOf(v);
    }
}
