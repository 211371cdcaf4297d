package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** {@code bin/loftadm} against a running server, as an operator uses doveadm. */
public class LoftadmIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LoftTestSetup setup;
    private static LoftProcess loft;

    @BeforeClass
    public static void start() throws Exception {
        setup = LoftTestSetup.create("echo", false);
        Files.writeString(setup.dir.resolve("etc/users"),
                "alice@example.org:{PLAIN}secret:1000:1000::/home/alice::userdb_quota_rule=*:storage=1G\n");
        Files.writeString(setup.config, Files.readString(setup.config) + """
                passdb {
                  driver = passwd-file
                  args = %1$s
                }
                userdb {
                  driver = passwd-file
                  args = %1$s
                }
                service auth {
                  unix_listener auth-client {
                    mode = 0600
                  }
                  unix_listener auth-userdb {
                    mode = 0600
                  }
                }
                """.formatted(setup.dir.resolve("etc/users")));
        loft = LoftProcess.start(setup, "run", "-c", setup.config.toString());
        loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
        Await.until("the auth sockets exist", WAIT, () -> Files.exists(setup.dir.resolve("run/auth-client"))
                && Files.exists(setup.dir.resolve("run/auth-userdb")));
    }

    @AfterClass
    public static void stop() {
        if (loft != null) {
            loft.close();
        }
    }

    @Test
    public void authTestSaysWhetherTheLoginSucceeds() throws Exception {
        LoftProcess.Result ok = LoftProcess.runTool(setup, "loftadm", "auth", "test", "alice@example.org", "secret");
        assertEquals(ok.output(), 0, ok.status());
        assertTrue(ok.output(), ok.output().contains("passdb: alice@example.org auth succeeded"));
        LoftProcess.Result wrong = LoftProcess.runTool(setup, "loftadm", "auth", "test", "alice@example.org", "nope");
        assertEquals(wrong.output(), 77, wrong.status());
        assertTrue(wrong.output(), wrong.output().contains("auth failed"));
    }

    @Test
    public void userPrintsTheUserdbFields() throws Exception {
        LoftProcess.Result found = LoftProcess.runTool(setup, "loftadm", "user", "alice@example.org");
        assertEquals(found.output(), 0, found.status());
        assertTrue(found.output(), found.output().contains("home\t/home/alice"));
        assertTrue(found.output(), found.output().contains("uid\t1000"));
        assertTrue(found.output(), found.output().contains("quota_rule\t*:storage=1G"));
        LoftProcess.Result missing = LoftProcess.runTool(setup, "loftadm", "user", "bob@example.org");
        assertEquals(missing.output(), 67, missing.status());
    }

    @Test
    public void pwMakesHashesDovecotAccepts() throws Exception {
        for (String scheme : new String[] {"CRYPT", "SHA512-CRYPT", "BLF-CRYPT", "SSHA512", "ARGON2ID"}) {
            LoftProcess.Result hash = LoftProcess.runTool(setup, "loftadm", "pw", "-s", scheme, "-p", "s3cret");
            assertEquals(hash.output(), 0, hash.status());
            String stored = hash.output().strip();
            Process check = new ProcessBuilder("doveadm", "pw", "-t", stored, "-p", "s3cret").redirectErrorStream(true).start();
            String verdict = new String(check.getInputStream().readAllBytes());
            assertEquals(scheme + ": " + verdict, 0, check.waitFor());
            assertTrue(verdict, verdict.contains("(verified)"));
        }
    }
}
