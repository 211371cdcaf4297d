package org.loftmail.auth.sql.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code driver = sql}: {@code args} names a dovecot-sql.conf.ext ({@code driver = mysql} only;
 * MariaDB speaks the same protocol). Blocks with the same {@code connect} string share one pool.
 */
@Component(property = AuthDriver.DRIVER + "=sql")
public final class SqlAuthDriver implements AuthDriver {

    private final Path configDir;
    private final Map<String, SharedPool> pools = new HashMap<>();

    @Activate
    public SqlAuthDriver(BundleContext context) {
        this(configDir(context.getProperty("loft.config")));
    }

    SqlAuthDriver(Path configDir) {
        this.configDir = configDir;
    }

    private static Path configDir(String configFile) {
        return configFile == null ? Path.of(".") : Path.of(configFile).toAbsolutePath().getParent();
    }

    @Override
    public AuthDb open(Kind kind, String args) {
        if (args == null || args.isBlank()) {
            throw new IllegalArgumentException("driver sql needs args = /path/to/dovecot-sql.conf.ext");
        }
        SqlConfFile conf;
        try {
            conf = SqlConfFile.read(configDir.resolve(args.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + args + ": " + e.getMessage(), e);
        }
        if (!conf.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", conf.problems()));
        }
        if (!"mysql".equals(conf.get("driver"))) {
            throw new IllegalArgumentException(conf.file() + ": driver = " + conf.get("driver")
                    + " is not supported; Loft speaks to MySQL and MariaDB (driver = mysql)");
        }
        String key = kind == Kind.PASSDB ? "password_query" : "user_query";
        String query = conf.get(key);
        if (query == null) {
            throw new IllegalArgumentException(conf.file() + ": " + key + " is missing");
        }
        String connect = conf.get("connect");
        if (connect == null) {
            throw new IllegalArgumentException(conf.file() + ": connect is missing");
        }
        SqlPool pool = acquire(connect);
        return new SqlDb(query, conf.get("default_pass_scheme"), pool, () -> release(connect));
    }

    private synchronized SqlPool acquire(String connect) {
        SharedPool shared = pools.computeIfAbsent(connect,
                c -> new SharedPool(new SqlPool(ConnectSettings.parse(c), "loft-auth-sql-" + pools.size())));
        shared.users++;
        return shared.pool;
    }

    private synchronized void release(String connect) {
        SharedPool shared = pools.get(connect);
        if (shared != null && --shared.users == 0) {
            pools.remove(connect);
            shared.pool.close();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        pools.values().forEach(p -> p.pool.close());
        pools.clear();
    }

    private static final class SharedPool {
        final SqlPool pool;
        int users;

        SharedPool(SqlPool pool) {
            this.pool = pool;
        }
    }
}
