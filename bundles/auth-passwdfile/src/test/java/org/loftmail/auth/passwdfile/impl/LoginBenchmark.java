package org.loftmail.auth.passwdfile.impl;

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
import org.loftmail.auth.impl.scheme.Schemes;

/**
 * A benchmark, not a test: SASL PLAIN logins per second against a passwd-file of 10,000 users,
 * with and without the auth cache, for a cheap ({PLAIN}) and the seed's (SHA512-CRYPT) scheme.
 * Run after {@code mvn install} of this module:
 * <pre>
 * mvn -q -f bundles/auth-passwdfile/pom.xml dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp bundles/auth-passwdfile/target/classes:bundles/auth-passwdfile/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.loftmail.auth.passwdfile.impl.LoginBenchmark
 * </pre>
 */
public final class LoginBenchmark {

    private static final ClientInfo CLIENT = new ClientInfo("imap", null, null, true, false, "bench");

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("loft-bench");
        try {
            for (String scheme : new String[] {"PLAIN", "SHA512-CRYPT"}) {
                Path file = users(dir, scheme);
                for (String cache : new String[] {"0", "10M"}) {
                    AuthService auth = engine(file, cache);
                    run(auth, 2_000);
                    long start = System.nanoTime();
                    int n = scheme.equals("PLAIN") ? 200_000 : 5_000;
                    run(auth, n);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("passwd-file %-13s auth_cache_size=%-4s %,10.0f logins/s%n", scheme, cache, n / seconds);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static Path users(Path dir, String scheme) throws Exception {
        StringBuilder text = new StringBuilder();
        String hash = Schemes.generate(scheme, "secret");
        for (int i = 0; i < 10_000; i++) {
            text.append("user").append(i).append("@example.com:").append(hash).append(":5000:5000::/var/mail/u")
                    .append(i).append("::\n");
        }
        return Files.writeString(dir.resolve(scheme), text);
    }

    private static AuthService engine(Path file, String cacheSize) {
        Map<String, String> settings = Map.of("auth_cache_size", cacheSize,
                "passdb.0.driver", "passwd-file", "passdb.0.args", file.toString(),
                "userdb.0.driver", "passwd-file", "userdb.0.args", file.toString());
        return EngineBuilder.build(AuthSettings.of(settings), Map.of("passwd-file", new PasswdFileDriver()),
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
