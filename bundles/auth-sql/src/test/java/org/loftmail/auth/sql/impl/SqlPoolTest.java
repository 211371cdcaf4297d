package org.loftmail.auth.sql.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real MariaDB with the seed guide's schema and a hash made by openssl passwd -6. */
class SqlPoolTest {

    private static MariaDbServer server;
    private static String hash;

    @BeforeAll
    static void startMariaDb() throws Exception {
        server = MariaDbServer.start();
        Process openssl = new ProcessBuilder("openssl", "passwd", "-6", "-salt", "saltsalt", "secret").start();
        hash = new String(openssl.getInputStream().readAllBytes()).strip();
        openssl.waitFor(10, TimeUnit.SECONDS);
        server.execute("""
                CREATE DATABASE mailserver;
                CREATE USER 'mailuser'@'127.0.0.1' IDENTIFIED BY 'mailpass';
                GRANT SELECT ON mailserver.* TO 'mailuser'@'127.0.0.1';
                USE mailserver;
                CREATE TABLE virtual_domains (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, PRIMARY KEY (id));
                CREATE TABLE virtual_users (id INT NOT NULL AUTO_INCREMENT, domain_id INT NOT NULL,
                  password VARCHAR(106) NOT NULL, email VARCHAR(120) NOT NULL, PRIMARY KEY (id), UNIQUE KEY email (email),
                  FOREIGN KEY (domain_id) REFERENCES virtual_domains(id) ON DELETE CASCADE);
                CREATE TABLE virtual_aliases (id INT NOT NULL AUTO_INCREMENT, domain_id INT NOT NULL,
                  source VARCHAR(100) NOT NULL, destination VARCHAR(100) NOT NULL, PRIMARY KEY (id),
                  FOREIGN KEY (domain_id) REFERENCES virtual_domains(id) ON DELETE CASCADE);
                INSERT INTO virtual_domains (name) VALUES ('example.org');
                INSERT INTO virtual_users (domain_id, password, email) VALUES (1, '%s', 'alice@example.org');
                INSERT INTO virtual_aliases (domain_id, source, destination) VALUES (1, 'postmaster@example.org', 'alice@example.org');
                """.formatted(hash));
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ConnectSettings connect() {
        return ConnectSettings.parse("host=127.0.0.1 port=" + server.port()
                + " dbname=mailserver user=mailuser password=mailpass connect_timeout=2");
    }

    private static String passwordQuery(String user) {
        // the seed guide's query, alias-aware
        return "SELECT email AS user, password FROM virtual_users WHERE email=(SELECT destination FROM virtual_aliases WHERE source = '"
                + SqlEscaping.escape(user) + "') OR email = '" + SqlEscaping.escape(user) + "'";
    }

    @Test
    void findsAUserByAddressAndByAlias() throws Exception {
        try (SqlPool pool = new SqlPool(connect(), "test")) {
            assertEquals(List.of(Map.of("user", "alice@example.org", "password", hash)), pool.query(passwordQuery("alice@example.org")));
            assertEquals(List.of(Map.of("user", "alice@example.org", "password", hash)), pool.query(passwordQuery("postmaster@example.org")));
        }
    }

    @Test
    void aUserNameWithQuotesCannotInjectSql() throws Exception {
        try (SqlPool pool = new SqlPool(connect(), "test")) {
            assertEquals(List.of(), pool.query(passwordQuery("x' OR '1'='1")));
            assertEquals(List.of(), pool.query(passwordQuery("x\\' OR 1=1 -- ")));
        }
    }

    @Test
    void aDatabaseThatIsDownIsATemporaryFailureAndRecovers() throws Exception {
        try (SqlPool pool = new SqlPool(connect(), "test")) {
            assertEquals(1, pool.query(passwordQuery("alice@example.org")).size());
            server.stopServer();
            try {
                assertThrows(SqlUnavailableException.class, () -> pool.query(passwordQuery("alice@example.org")));
            } finally {
                server.startServer();
            }
            assertEquals(1, pool.query(passwordQuery("alice@example.org")).size());
        }
    }

    @Test
    void readsTheSeedSqlConfFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dovecot-sql.conf.ext");
        Files.writeString(file, """
                # seed guide
                driver = mysql
                connect = "host=127.0.0.1 dbname=mailserver user=mailuser password=mailpass"
                default_pass_scheme = SHA512-CRYPT
                password_query = SELECT email as user, password FROM virtual_users \\
                  WHERE email='%u';
                user_qeury = SELECT 1
                """);
        SqlConfFile conf = SqlConfFile.read(file);
        assertEquals("mysql", conf.get("driver"));
        assertEquals("SHA512-CRYPT", conf.get("default_pass_scheme"));
        assertEquals("SELECT email as user, password FROM virtual_users WHERE email='%u';", conf.get("password_query"));
        assertEquals(1, conf.problems().size());
        assertTrue(conf.problems().get(0).startsWith(file + ":7: unknown setting user_qeury"), conf.problems().get(0));
        ConnectSettings settings = ConnectSettings.parse(conf.get("connect"));
        assertEquals("jdbc:mysql://127.0.0.1:3306/mailserver?allowPublicKeyRetrieval=true&connectTimeout=5000&sslMode=DISABLED",
                settings.jdbcUrl());
    }

    @Test
    void escapesLikeDovecot() {
        assertEquals("o\\'brien\\\\x", SqlEscaping.escape("o'brien\\x"));
    }
}
