package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** {@code bin/loft} as an operator uses it: run, reload, check, config, stop. */
public class LoftCommandIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    public void runReachesReadyAndStopsCleanlyOnSigterm() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        try (LoftProcess loft = LoftProcess.start(setup, "run", "-c", setup.config.toString())) {
            String ready = loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
            Matcher m = Pattern.compile("ready in (\\d+) ms \\((\\d+) ms since JVM start\\).*heap in use (\\d+) MiB").matcher(ready);
            assertTrue(ready, m.find());
            System.out.printf("READY: %s ms after launch, %s ms since JVM start, heap in use %s MiB%n",
                    m.group(1), m.group(2), m.group(3));
            Await.until("echo answers", WAIT, () -> answers(setup.echoPort));
            ProcessHandle.of(loft.pid()).orElseThrow().destroy(); // SIGTERM
            assertEquals(0, loft.waitFor(WAIT));
            assertTrue(loft.output(), loft.output().contains("stopped"));
        }
    }

    @Test
    public void reloadStartsAndStopsFeaturesAndKeepsRunningOnABrokenEdit() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        try (LoftProcess loft = LoftProcess.start(setup, "run", "-c", setup.config.toString())) {
            loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
            Await.until("echo answers", WAIT, () -> answers(setup.echoPort));
            try (LineClient session = LineClient.tcp("127.0.0.1", setup.echoPort)) {
                assertEquals("* OK echo ready", session.readLine());

                setup.writeConfig("echo echo2");
                assertEquals(0, LoftProcess.run(setup, "reload").status());
                Await.until("echo2 answers after reload", WAIT, () -> answers(setup.echo2Port));

                Files.writeString(setup.config, Files.readString(setup.config).replace("service echo2-login {", "service echo2-login {{"));
                LoftProcess.run(setup, "reload");
                loft.awaitLine(l -> l.contains("keeping the running configuration"), WAIT);
                assertTrue("echo2 still answers after a broken edit", answers(setup.echo2Port));

                setup.writeConfig("echo");
                LoftProcess.run(setup, "reload");
                Await.until("echo2 is off after reload", WAIT, () -> !answers(setup.echo2Port));
                assertEquals("the session from before every reload goes on", "ECHO still", session.ask("still"));
            }
            assertEquals(0, LoftProcess.run(setup, "stop").status());
        }
    }

    @Test
    public void runRefusesToStartWithAnError() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        Files.writeString(setup.config, Files.readString(setup.config) + "\nssl_cret = </nowhere\n");
        try (LoftProcess loft = LoftProcess.start(setup, "run", "-c", setup.config.toString())) {
            assertEquals(1, loft.waitFor(WAIT));
            assertTrue(loft.output(), loft.output().contains(setup.config + ":"));
        }
    }

    @Test
    public void checkAcceptsTheShippedConfiguration() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        Path shipped = LoftContainer.distribution().resolve("etc/dovecot.conf");
        LoftProcess.Result result = LoftProcess.run(setup, "check", "-c", shipped.toString());
        assertEquals(result.output(), 0, result.status());
    }

    @Test
    public void checkReportsAMissingBraceWithFileAndLine() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        Path conf = setup.dir.resolve("etc/conf.d");
        Files.createDirectories(conf);
        Files.writeString(setup.dir.resolve("etc/broken.conf"), "protocols = echo\n!include conf.d/*.conf\n");
        Files.writeString(conf.resolve("10-master.conf"), """
                service echo-login {
                  inet_listener echo {
                    port = 1
                }
                """);
        LoftProcess.Result result = LoftProcess.run(setup, "check", "-c", setup.dir.resolve("etc/broken.conf").toString());
        assertEquals(result.output(), 1, result.status());
        assertTrue(result.output(), result.output().contains(conf.resolve("10-master.conf") + ":1"));
    }

    @Test
    public void checkReportsATypoWithFileAndLine() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        Files.writeString(setup.config, Files.readString(setup.config) + "ssl_cret = </nowhere\n");
        long line = Files.readAllLines(setup.config).size();
        LoftProcess.Result result = LoftProcess.run(setup, "check", "-c", setup.config.toString());
        assertEquals(result.output(), 1, result.status());
        assertTrue(result.output(), result.output().contains(setup.config + ":" + line));
        assertTrue(result.output(), result.output().contains("ssl_cert"));
    }

    @Test
    public void checkAcceptsACompleteDovecotInstallation() throws Exception {
        // a configuration that Debian's doveconf -n accepts: listeners, SQL passdb + static
        // userdb, namespaces with special-use mailboxes, protocol blocks, plugin { } for quota
        // and sieve; its certificate paths are pointed at files made here
        LoftTestSetup setup = LoftTestSetup.create("echo", false);
        Path samples = Path.of(System.getProperty("loft.config.samples"), "realistic");
        Path etc = setup.dir.resolve("realistic");
        try (var files = Files.walk(samples)) {
            for (Path source : files.toList()) {
                Path target = etc.resolve(samples.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(source)
                            .replace("/etc/ssl/", setup.dir + "/ssl/")
                            .replace("/etc/dovecot/dh.pem", setup.cert.toString()));
                }
            }
        }
        for (String site : new String[] {"mail", "mail-org"}) {
            Files.createDirectories(setup.dir.resolve("ssl/" + site));
            Files.copy(setup.cert, setup.dir.resolve("ssl/" + site + "/fullchain.pem"));
            Files.copy(setup.key, setup.dir.resolve("ssl/" + site + "/privkey.pem"));
        }
        LoftProcess.Result result = LoftProcess.run(setup, "check", "-c", etc.resolve("dovecot.conf").toString());
        assertEquals(result.output(), 0, result.status());
        assertTrue(result.output(), result.output().contains(etc.resolve("conf.d/10-ssl.conf") + ":4: warning: "));
        assertTrue(result.output(), result.output().contains("configuration OK"));
    }

    @Test
    public void logsToLogPathAndInfoLogPathWhenSet() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", true);
        Path errors = setup.dir.resolve("errors.log");
        Path info = setup.dir.resolve("info.log");
        Files.writeString(setup.config, Files.readString(setup.config)
                + "log_path = " + errors + "\ninfo_log_path = " + info + "\n");
        try (LoftProcess loft = LoftProcess.start(setup, "run", "-c", setup.config.toString())) {
            Await.until("echo answers", WAIT, () -> answers(setup.echoPort));
            Await.until("the info log names the started echo bundle", WAIT,
                    () -> Files.exists(info) && Files.readString(info).contains("started bundle org.loftmail.itests.echo"));
            Files.writeString(setup.config, Files.readString(setup.config) + "ssl_cret = x\n");
            LoftProcess.run(setup, "reload");
            Await.until("the error log has the reload error with file and line", WAIT,
                    () -> Files.exists(errors) && Files.readString(errors).contains(setup.config + ":"));
            assertTrue(Files.readString(errors).lines().allMatch(l -> l.contains(" Error ") || l.contains(" Warning ")));
            assertEquals(0, LoftProcess.run(setup, "stop").status());
        }
    }

    private static boolean answers(int port) {
        try (LineClient client = LineClient.tcp("127.0.0.1", port)) {
            return client.readLine() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
