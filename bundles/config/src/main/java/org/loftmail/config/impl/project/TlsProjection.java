package org.loftmail.config.impl.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.config.impl.model.Setting;

/** The {@code org.loftmail.net.tls} configuration: the top-level ssl_* settings. */
final class TlsProjection {

    private final TopLevel top;
    private final Environment environment;

    TlsProjection(TopLevel top, Environment environment) {
        this.top = top;
        this.environment = environment;
    }

    Map<String, Object> project() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ssl", top.value("ssl").trim());
        for (String key : new String[] {"ssl_cert", "ssl_key", "ssl_ca"}) {
            Setting s = top.setting(key);
            if (s == null) {
                continue;
            }
            if (s.fromFile()) {
                p.put(key + "_path", s.file().toAbsolutePath().normalize().toString());
            } else if (!s.value().isBlank()) {
                p.put(key, s.value());
            }
        }
        putIfSet(p, "ssl_key_password");
        putIfSet(p, "ssl_min_protocol");
        putIfSet(p, "ssl_cipher_list");
        putIfSet(p, "ssl_cipher_suites");
        p.put("ssl_prefer_server_ciphers", top.bool("ssl_prefer_server_ciphers"));
        p.put("state_dir", stateDir().toString());
        p.put(Projection.SOURCE, environment.source().toString());
        return p;
    }

    private void putIfSet(Map<String, Object> p, String key) {
        String v = top.value(key);
        if (!v.isBlank()) {
            p.put(key, v.trim());
        }
    }

    private Path stateDir() {
        if (top.isWritten("state_dir") || environment.stateDir() == null) {
            return Path.of(top.value("state_dir"));
        }
        return environment.stateDir();
    }
}
