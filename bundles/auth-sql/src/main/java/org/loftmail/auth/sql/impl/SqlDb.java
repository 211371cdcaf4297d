package org.loftmail.auth.sql.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.DbResult;
import org.loftmail.api.auth.LookupRequest;

/**
 * One {@code passdb { driver = sql }} or {@code userdb { driver = sql }} block: runs its
 * {@code password_query} or {@code user_query} with every {@code %} value SQL-escaped. A
 * password without a {@code {SCHEME}} prefix gets {@code default_pass_scheme}. A database that
 * cannot answer, or a query that matches more than one row, is a temporary failure, as in Dovecot.
 */
final class SqlDb implements AuthDb {

    private final String query;
    private final String defaultScheme;
    private final SqlPool pool;
    private final Runnable onClose;

    SqlDb(String query, String defaultScheme, SqlPool pool, Runnable onClose) {
        this.query = query;
        this.defaultScheme = defaultScheme;
        this.pool = pool;
        this.onClose = onClose;
    }

    @Override
    public DbResult lookup(LookupRequest request) {
        List<Map<String, String>> rows;
        try {
            rows = pool.query(request.expand(query, SqlEscaping::escape));
        } catch (SqlUnavailableException e) {
            return new DbResult.Unavailable(e.getMessage());
        }
        if (rows.isEmpty()) {
            return new DbResult.NotFound();
        }
        if (rows.size() > 1) {
            return new DbResult.Unavailable("query returned " + rows.size() + " rows for " + request.user()
                    + "; it must return at most one");
        }
        return new DbResult.Found(withScheme(rows.get(0)));
    }

    private Map<String, String> withScheme(Map<String, String> row) {
        String password = row.get("password");
        if (password == null || password.startsWith("{") || defaultScheme == null) {
            return row;
        }
        Map<String, String> fields = new LinkedHashMap<>(row);
        fields.put("password", "{" + defaultScheme + "}" + password);
        return fields;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
