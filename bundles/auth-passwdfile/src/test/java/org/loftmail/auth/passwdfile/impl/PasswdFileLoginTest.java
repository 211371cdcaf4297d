package org.loftmail.auth.passwdfile.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.auth.impl.AuthSettings;
import org.loftmail.auth.impl.EngineBuilder;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.sasl.Mechanisms;

/** Logins against a passwd-file holding hashes made by openssl and htpasswd. */
class PasswdFileLoginTest {

    private static final ClientInfo TLS = new ClientInfo("imap", null, null, true, false, "s1");

    @TempDir
    Path dir;

    private static String tool(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), String.join(" ", command));
        return out;
    }

    private AuthService engine(Path file) {
        Map<String, String> settings = Map.of("auth_failure_delay", "0",
                "passdb.0.driver", "passwd-file", "passdb.0.args", "scheme=SHA512-CRYPT " + file,
                "userdb.0.driver", "passwd-file", "userdb.0.args", file.toString());
        Map<String, AuthDriver> drivers = Map.of("passwd-file", new PasswdFileDriver());
        return EngineBuilder.build(AuthSettings.of(settings), drivers, new Penalty(Clock.systemUTC()), d -> { },
                Mechanisms.standard(), Clock.systemUTC()).engine();
    }

    @Test
    void hashesOfRealToolsLogIn() throws Exception {
        String sha512 = tool("openssl", "passwd", "-6", "pw-one");
        String htpasswd = tool("htpasswd", "-nbB", "x", "pw-two");
        Path file = Files.writeString(dir.resolve("users"),
                "one@example.com:" + sha512 + ":5000:5000::/var/mail/example.com/one::\n"
                        + "two@example.com:{BLF-CRYPT}" + htpasswd.substring(2) + ":5000:5000::/var/mail/example.com/two::\n");
        AuthService auth = engine(file);
        AuthResult.Success s = assertInstanceOf(AuthResult.Success.class, auth.authenticate("One@Example.com", "pw-one", TLS));
        assertEquals(Map.of("uid", "5000", "gid", "5000", "home", "/var/mail/example.com/one"), s.userdbFields());
        assertInstanceOf(AuthResult.Success.class, auth.authenticate("two@example.com", "pw-two", TLS));
        assertEquals(AuthResult.FailureKind.CREDENTIALS,
                assertInstanceOf(AuthResult.Failure.class, auth.authenticate("one@example.com", "pw-two", TLS)).kind());
    }
}
