package org.loftmail.auth.sql.impl;

import com.mysql.cj.jdbc.MysqlDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HikariCP pool over MySQL Connector/J (works against MariaDB). It starts even while the
 * database is down, fails fast with {@link SqlUnavailableException} while it stays down, and
 * recovers by itself when it returns.
 */
public final class SqlPool implements AutoCloseable {

    private final HikariDataSource pool;

    public SqlPool(ConnectSettings settings, String poolName) {
        MysqlDataSource source = new MysqlDataSource();
        source.setUrl(settings.jdbcUrl());
        source.setUser(settings.user());
        source.setPassword(settings.password());
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeoutSeconds() * 1000L));
        config.setValidationTimeout(1000);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        this.pool = new HikariDataSource(config);
    }

    /** Runs a query and returns its rows, column label to value (SQL NULL is left out). */
    public List<Map<String, String>> query(String sql) throws SqlUnavailableException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, String>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String value = rows.getString(c);
                    if (value != null) {
                        row.put(meta.getColumnLabel(c), value);
                    }
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new SqlUnavailableException("SQL query failed (" + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
