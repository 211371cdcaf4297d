package org.loftmail.auth.sql.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.DbResult;
import java.time.Clock;
import java.util.Map;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.auth.impl.AuthSettings;
import org.loftmail.auth.impl.EngineBuilder;
import org.loftmail.auth.impl.chain.Request;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.sasl.Mechanisms;
import org.loftmail.auth.impl.statik.StaticDriver;
import org.loftmail.auth.impl.scheme.Schemes;

/**
 * The seed guide's setup: virtual_users with SHA512-CRYPT hashes made by {@code openssl passwd -6}
 * (stored without a prefix, so default_pass_scheme applies), and the alias-aware password query.
 */
class SqlDbTest {

    private static final ClientInfo CLIENT = new ClientInfo("imap", null, null, true, false, "t");
    private static MariaDbServer server;
    private static SqlAuthDriver driver;
    private static AuthDb passdb;

    @BeforeAll
    static void start() throws Exception {
        server = MariaDbServer.start();
        Process openssl = new ProcessBuilder("openssl", "passwd", "-6", "secret").start();
        String hash = new String(openssl.getInputStream().readAllBytes()).strip();
        openssl.waitFor(10, TimeUnit.SECONDS);
        server.execute("""
                CREATE DATABASE mailserver;
                CREATE USER 'mailuser'@'127.0.0.1' IDENTIFIED BY 'mailpass';
                GRANT SELECT ON mailserver.* TO 'mailuser'@'127.0.0.1';
                USE mailserver;
                CREATE TABLE virtual_users (email VARCHAR(120) PRIMARY KEY, password VARCHAR(106) NOT NULL);
                CREATE TABLE virtual_aliases (source VARCHAR(100) NOT NULL, destination VARCHAR(100) NOT NULL);
                INSERT INTO virtual_users VALUES ('alice@example.org', '%s');
                INSERT INTO virtual_users VALUES ('o''brien@example.org', '{PLAIN}irish');
                INSERT INTO virtual_aliases VALUES ('postmaster@example.org', 'alice@example.org');
                """.formatted(hash));
        Path dir = Files.createTempDirectory("loft-sql-");
        Files.writeString(dir.resolve("dovecot-sql.conf.ext"), """
                driver = mysql
                connect = host=127.0.0.1 port=%d dbname=mailserver user=mailuser password=mailpass connect_timeout=2
                default_pass_scheme = SHA512-CRYPT
                password_query = SELECT email as user, password FROM virtual_users \\
                  WHERE email=(SELECT destination FROM virtual_aliases WHERE source = '%%u') OR email = '%%u'
                """.formatted(server.port()));
        driver = new SqlAuthDriver(dir);
        passdb = driver.open(AuthDriver.Kind.PASSDB, "dovecot-sql.conf.ext");
    }

    @AfterAll
    static void stop() throws Exception {
        passdb.close();
        driver.deactivate();
        server.close();
    }

    private static DbResult lookup(String user) {
        return passdb.lookup(new Request(user, CLIENT));
    }

    @Test
    void logsInByAddressWithTheDefaultScheme() {
        DbResult.Found found = assertInstanceOf(DbResult.Found.class, lookup("alice@example.org"));
        assertTrue(found.fields().get("password").startsWith("{SHA512-CRYPT}$6$"));
        assertTrue(Schemes.verify("secret", found.fields().get("password"), "CRYPT"));
    }

    @Test
    void logsInByAliasAsTheRealUser() {
        DbResult.Found found = assertInstanceOf(DbResult.Found.class, lookup("postmaster@example.org"));
        assertEquals("alice@example.org", found.fields().get("user"));
    }

    @Test
    void quotesInAUserNameAreDataNotSql() {
        assertEquals("{PLAIN}irish", assertInstanceOf(DbResult.Found.class, lookup("o'brien@example.org")).fields().get("password"));
        assertInstanceOf(DbResult.NotFound.class, lookup("x' OR '1'='1"));
        assertInstanceOf(DbResult.NotFound.class, lookup("x\\' OR 1=1 -- "));
    }

    @Test
    void aDatabaseThatIsDownIsUnavailableAndRecovers() throws Exception {
        server.stopServer();
        try {
            assertInstanceOf(DbResult.Unavailable.class, lookup("alice@example.org"));
        } finally {
            server.startServer();
        }
        assertInstanceOf(DbResult.Found.class, lookup("alice@example.org"));
    }

    /** The whole login path: the auth engine over this driver says TEMPORARY, never "wrong password". */
    @Test
    void aLoginWhileTheDatabaseIsDownFailsTemporarilyAndTheNextOneAfterItSucceeds() throws Exception {
        AuthService auth = EngineBuilder.build(AuthSettings.of(Map.of(
                        "passdb.0.driver", "sql", "passdb.0.args", "dovecot-sql.conf.ext",
                        "userdb.0.driver", "static", "userdb.0.args", "uid=vmail gid=vmail home=/var/mail/%d/%n")),
                Map.of("sql", driver, "static", new StaticDriver()), new Penalty(Clock.systemUTC()), d -> { },
                Mechanisms.standard(), Clock.systemUTC()).engine();
        assertInstanceOf(AuthResult.Success.class, auth.authenticate("postmaster@example.org", "secret", CLIENT));
        server.stopServer();
        try {
            AuthResult down = auth.authenticate("alice@example.org", "secret", CLIENT);
            assertEquals(AuthResult.FailureKind.TEMPORARY, assertInstanceOf(AuthResult.Failure.class, down).kind());
        } finally {
            server.startServer();
        }
        assertInstanceOf(AuthResult.Success.class, auth.authenticate("alice@example.org", "secret", CLIENT));
    }

    @Test
    void refusesOtherDriversAndMissingQueries() throws Exception {
        Path dir = Files.createTempDirectory("loft-sql-bad-");
        Files.writeString(dir.resolve("pg.conf.ext"), "driver = pgsql\nconnect = dbname=x\npassword_query = SELECT 1\n");
        SqlAuthDriver other = new SqlAuthDriver(dir);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> other.open(AuthDriver.Kind.PASSDB, "pg.conf.ext"))
                .getMessage().contains("driver = mysql"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> other.open(AuthDriver.Kind.USERDB, "pg.conf.ext"))
                .getMessage().contains("pgsql"));
    }
}
