package org.loftmail.auth.sql.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dovecot-sql.conf.ext as the seed guide writes it, its connect string, and SQL escaping. */
class SqlConfFileTest {

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

    @Test
    void connectStringsThatCannotWorkAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConnectSettings.parse("host=/var/run/mysqld/mysqld.sock dbname=x")).getMessage().contains("Unix socket"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConnectSettings.parse("host=db dbname=x colour=blue")).getMessage().contains("unknown parameter colour"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConnectSettings.parse("host=db")).getMessage().contains("dbname"));
    }

    @Test
    void severalHostsAreTriedInOrder() {
        assertEquals("jdbc:mysql://db1:3307,db2:3307/mail?allowPublicKeyRetrieval=true&connectTimeout=5000&sslMode=REQUIRED",
                ConnectSettings.parse("host=db1 host=db2 port=3307 dbname=mail ssl_ca=/etc/ca.pem").jdbcUrl());
    }
}
