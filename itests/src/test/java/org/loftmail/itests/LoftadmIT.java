package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        setup.addDistributionFeatures();
        Files.writeString(setup.dir.resolve("etc/users"),
                "alice@example.org:{PLAIN}secret:1000:1000::/home/alice::userdb_quota_rule=*:storage=1G\n"
                + "carol@example.org:{PLAIN}secret::::" + setup.dir.resolve("home/carol") + "::userdb_quota_rule=*:storage=1M\n");
        Files.writeString(setup.config, Files.readString(setup.config) + """
                mail_location = maildir:~/Maildir
                mail_plugins = quota
                plugin {
                  quota = maildir:User quota
                }
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
        Await.until("the auth and admin sockets exist", WAIT, () -> Files.exists(setup.dir.resolve("run/auth-client"))
                && Files.exists(setup.dir.resolve("run/auth-userdb")) && Files.exists(setup.dir.resolve("run/doveadm-server")));
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

    @Test
    public void quotaGetAndRecalcAnswerAsDoveadmDoes() throws Exception {
        Await.until("the quota commands are registered", WAIT,
                () -> LoftProcess.runTool(setup, "loftadm", "help").output().contains("quota recalc"));
        LoftProcess.Result empty = LoftProcess.runTool(setup, "loftadm", "quota", "get", "-u", "carol@example.org");
        assertEquals(empty.output(), 0, empty.status());
        assertEquals(empty.output(), "Quota name Type Value Limit %\nUser quota STORAGE 0 1024 0\nUser quota MESSAGE 0 - 0",
                empty.output().replaceAll(" +", " "));

        // mail dropped in behind the server's back (an rsync, a restore): only recalc counts it
        Path cur = setup.dir.resolve("home/carol/Maildir/cur");
        Files.createDirectories(cur);
        Files.write(cur.resolve("1700000000.M1P1.restore,S=2048:2,S"), new byte[2048]);
        Files.write(cur.resolve("1700000001.M2P1.restore,S=307200:2,"), new byte[307200]);
        LoftProcess.Result recalc = LoftProcess.runTool(setup, "loftadm", "quota", "recalc", "carol@example.org");
        assertEquals(recalc.output(), 0, recalc.status());
        LoftProcess.Result counted = LoftProcess.runTool(setup, "loftadm", "quota", "get", "carol@example.org");
        assertEquals(counted.output(), "Quota name Type Value Limit %\nUser quota STORAGE 302 1024 29\nUser quota MESSAGE 2 - 0",
                counted.output().replaceAll(" +", " "));
        assertEquals("1048576S\n309248 2\n", Files.readString(setup.dir.resolve("home/carol/Maildir/maildirsize")));
    }

    @Test
    public void adminCommandErrorsHaveDoveadmsExitCodes() throws Exception {
        LoftProcess.Result nobody = LoftProcess.runTool(setup, "loftadm", "quota", "get", "-u", "nobody@example.org");
        assertEquals(nobody.output(), 67, nobody.status());
        assertTrue(nobody.output(), nobody.output().contains("User doesn't exist: nobody@example.org"));
        LoftProcess.Result usage = LoftProcess.runTool(setup, "loftadm", "quota", "get");
        assertEquals(usage.output(), 64, usage.status());
        LoftProcess.Result unknown = LoftProcess.runTool(setup, "loftadm", "mailbox", "frobnicate");
        assertEquals(unknown.output(), 64, unknown.status());
        assertTrue(unknown.output(), unknown.output().contains("unknown command: mailbox frobnicate"));
        LoftProcess.Result down = LoftProcess.runTool(setup, "loftadm", "-S", setup.dir.resolve("run/none").toString(),
                "quota", "get", "carol@example.org");
        assertEquals(down.output(), 69, down.status());
        assertTrue(down.output(), down.output().contains("cannot reach the server"));
    }
}
