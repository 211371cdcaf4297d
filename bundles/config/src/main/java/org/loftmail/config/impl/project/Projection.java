package org.loftmail.config.impl.project;

import java.util.Map;

/**
 * The configurations handed to ConfigAdmin (see docs/configadmin.md), as plain maps.
 *
 * @param listeners one property map per enabled listener, by a stable name ({@code imap-login-imaps})
 *     that becomes the factory configuration's name
 * @param tls {@value #TLS_PID}
 * @param features {@value #FEATURES_PID}
 * @param settings {@value #SETTINGS_PID}
 */
public record Projection(Map<String, Map<String, Object>> listeners, Map<String, Object> tls,
        Map<String, Object> features, Map<String, Object> settings) {

    public static final String LISTENER_FACTORY_PID = "org.loftmail.net.listener";
    public static final String TLS_PID = "org.loftmail.net.tls";
    public static final String FEATURES_PID = "org.loftmail.features";
    public static final String SETTINGS_PID = "org.loftmail.settings";
    /** Carried by every configuration this bundle writes: the top configuration file. */
    public static final String SOURCE = "loft.source";

    /** The singleton configurations by PID. */
    public Map<String, Map<String, Object>> singletons() {
        return Map.of(TLS_PID, tls, FEATURES_PID, features, SETTINGS_PID, settings);
    }
}
