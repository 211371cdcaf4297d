package org.loftmail.auth.sql.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.auth.contract.AuthDbContract;

/** The driver contract every table-like passdb/userdb meets, run against a real MariaDB. */
class SqlContractTest implements AuthDbContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static MariaDbServer server;
    private static Path dir;
    private static SqlAuthDriver driver;

    @BeforeAll
    static void start() throws Exception {
        server = MariaDbServer.start();
        server.execute("CREATE DATABASE auth; CREATE USER 'loft'@'127.0.0.1' IDENTIFIED BY 'pw';"
                + " GRANT SELECT ON auth.* TO 'loft'@'127.0.0.1';");
        dir = Files.createTempDirectory("loft-sql-contract-");
        driver = new SqlAuthDriver(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        driver.deactivate();
        server.close();
    }

    private AuthDb open(AuthDriver.Kind kind, String column, Map<String, String> users) throws Exception {
        String table = "users" + TABLES.incrementAndGet();
        StringBuilder sql = new StringBuilder("USE auth; CREATE TABLE " + table
                + " (name VARCHAR(100) PRIMARY KEY, value VARCHAR(255));");
        users.forEach((name, value) -> sql.append(" INSERT INTO ").append(table).append(" VALUES ('")
                .append(SqlEscaping.escape(name)).append("', '").append(SqlEscaping.escape(value)).append("');"));
        server.execute(sql.toString());
        Path conf = dir.resolve(table + ".conf.ext");
        Files.writeString(conf, """
                driver = mysql
                connect = host=127.0.0.1 port=%d dbname=auth user=loft password=pw
                password_query = SELECT name AS user, value AS password FROM %s WHERE name = '%%u'
                user_query = SELECT value AS home FROM %s WHERE name = '%%u'
                """.formatted(server.port(), table, table));
        return driver.open(kind, conf.getFileName().toString());
    }

    @Override
    public AuthDb passdbWith(Map<String, String> storedPasswords) throws Exception {
        return open(AuthDriver.Kind.PASSDB, "password", storedPasswords);
    }

    @Override
    public AuthDb userdbWith(Map<String, String> homes) throws Exception {
        return open(AuthDriver.Kind.USERDB, "home", homes);
    }
}
