package org.loftmail.auth.sql.impl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.auth.impl.AuthSettings;
import org.loftmail.auth.impl.EngineBuilder;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.sasl.Mechanisms;
import org.loftmail.auth.impl.statik.StaticDriver;

/**
 * A benchmark, not a test: SASL PLAIN logins per second against the seed setup (passdb sql on a
 * private MariaDB with 10,000 users, userdb static), with and without the auth cache. Run after
 * {@code mvn install} of this module:
 * <pre>
 * mvn -q -f bundles/auth-sql/pom.xml dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp bundles/auth-sql/target/classes:bundles/auth-sql/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.loftmail.auth.sql.impl.SqlLoginBenchmark
 * </pre>
 */
public final class SqlLoginBenchmark {

    private static final ClientInfo CLIENT = new ClientInfo("imap", null, null, true, false, "bench");

    private SqlLoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (MariaDbServer server = MariaDbServer.start()) {
            server.execute("""
                    CREATE DATABASE mailserver; CREATE USER 'mailuser'@'127.0.0.1' IDENTIFIED BY 'mailpass';
                    GRANT SELECT ON mailserver.* TO 'mailuser'@'127.0.0.1'; USE mailserver;
                    CREATE TABLE virtual_users (email VARCHAR(120) PRIMARY KEY, password VARCHAR(106) NOT NULL);
                    INSERT INTO virtual_users SELECT CONCAT('user', seq, '@example.com'), '{PLAIN}secret' FROM seq_0_to_9999;
                    """);
            Path dir = Files.createTempDirectory("loft-sql-bench");
            Files.writeString(dir.resolve("dovecot-sql.conf.ext"), """
                    driver = mysql
                    connect = host=127.0.0.1 port=%d dbname=mailserver user=mailuser password=mailpass
                    default_pass_scheme = SHA512-CRYPT
                    password_query = SELECT email AS user, password FROM virtual_users WHERE email = '%%u'
                    """.formatted(server.port()));
            SqlAuthDriver driver = new SqlAuthDriver(dir);
            for (String cache : new String[] {"0", "10M"}) {
                AuthService auth = engine(driver, dir.resolve("dovecot-sql.conf.ext"), cache);
                run(auth, 2_000);
                int n = 20_000;
                long start = System.nanoTime();
                run(auth, n);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("sql (MariaDB) PLAIN auth_cache_size=%-4s %,10.0f logins/s%n", cache, n / seconds);
            }
            driver.deactivate();
        }
    }

    private static AuthService engine(SqlAuthDriver driver, Path conf, String cacheSize) {
        Map<String, String> settings = Map.of("auth_cache_size", cacheSize,
                "passdb.0.driver", "sql", "passdb.0.args", conf.toString(),
                "userdb.0.driver", "static", "userdb.0.args", "uid=vmail gid=vmail home=/var/mail/%d/%n");
        return EngineBuilder.build(AuthSettings.of(settings), Map.of("sql", driver, "static", new StaticDriver()),
                new Penalty(Clock.systemUTC()), d -> { }, Mechanisms.standard(), Clock.systemUTC()).engine();
    }

    private static void run(AuthService auth, int n) {
        for (int i = 0; i < n; i++) {
            String response = Base64.getEncoder().encodeToString(
                    ("\0user" + (i % 10_000) + "@example.com\0secret").getBytes(StandardCharsets.UTF_8));
            SaslStep step = auth.startSasl("PLAIN", CLIENT).respond(response);
            if (!(step instanceof SaslStep.Done d) || !(d.result() instanceof AuthResult.Success)) {
                throw new IllegalStateException("login failed: " + step);
            }
        }
    }
}
