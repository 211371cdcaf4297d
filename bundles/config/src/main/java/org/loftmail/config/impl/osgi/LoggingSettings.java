package org.loftmail.config.impl.osgi;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.loftmail.config.impl.LoadedConfig;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Hands {@code log_path}, {@code info_log_path}, {@code debug_log_path}, {@code mail_debug} and
 * {@code auth_debug} to the launcher's log sink, which registers itself as a
 * {@code Consumer<Map<String,String>>} with {@code loft.action=configure-logging}: logging lives
 * on the class path (so it works before any bundle starts), and only java.* types cross over.
 */
final class LoggingSettings {

    private static final String[] KEYS = {"log_path", "info_log_path", "debug_log_path", "mail_debug", "auth_debug"};
    private static final String FILTER = "(loft.action=configure-logging)";

    private LoggingSettings() {
    }

    @SuppressWarnings("unchecked")
    static void apply(BundleContext context, LoadedConfig config) {
        Map<String, String> settings = new HashMap<>();
        for (String key : KEYS) {
            String value = config.effective().value(key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        try {
            for (ServiceReference<Consumer> ref : context.getServiceReferences(Consumer.class, FILTER)) {
                Consumer<Map<String, String>> sink = context.getService(ref);
                if (sink != null) {
                    try {
                        sink.accept(Map.copyOf(settings));
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
