package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A real Postfix (Debian's package, a private instance on a loopback port, relaying nothing)
 * with {@code smtpd_sasl_type = dovecot} pointed at Loft's auth socket, exercised with swaks:
 * the seed guide's {@code service auth { unix_listener ... { mode = 0660 user = postfix group =
 * postfix } }}. Needs root (Postfix's master); {@code .ci/run} installs postfix and swaks.
 */
public class PostfixAuthIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LoftTestSetup setup;
    private static LoftProcess loft;
    private static Path postfix;
    private static int smtpPort;

    @BeforeClass
    public static void start() throws Exception {
        setup = LoftTestSetup.create("echo", false);
        Files.setPosixFilePermissions(setup.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = setup.dir.resolve("auth-client");
        Files.writeString(setup.dir.resolve("etc/users"), "alice@example.org:{PLAIN}secret::::/nonexistent::\n");
        Files.writeString(setup.config, Files.readString(setup.config) + """
                auth_mechanisms = plain login
                passdb {
                  driver = passwd-file
                  args = %1$s
                }
                userdb {
                  driver = passwd-file
                  args = %1$s
                }
                service auth {
                  unix_listener %2$s {
                    mode = 0660
                    user = postfix
                    group = postfix
                  }
                }
                """.formatted(setup.dir.resolve("etc/users"), socket));
        loft = LoftProcess.start(setup, "run", "-c", setup.config.toString());
        loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
        Await.until("the auth socket exists", WAIT, () -> Files.exists(socket));
        smtpPort = LoftTestSetup.freePort();
        postfix = PrivatePostfix.start(setup.dir.resolve("postfix"), smtpPort,
                "smtpd_sasl_type = dovecot\nsmtpd_sasl_path = " + socket + "\nsmtpd_sasl_auth_enable = yes\n"
                        + "smtpd_sasl_security_options = noanonymous\n");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (postfix != null) {
            PrivatePostfix.stop(postfix);
        }
        if (loft != null) {
            loft.close();
        }
    }

    private static int swaks(String mechanism, String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("swaks", "--server", "127.0.0.1:" + smtpPort, "--auth", mechanism,
                "--auth-user", "alice@example.org", "--auth-password", password, "--quit-after", "AUTH")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue("swaks ended", p.waitFor(60, TimeUnit.SECONDS));
        System.out.println(output);
        return p.exitValue();
    }

    @Test
    public void postfixAcceptsPlainAndLoginWithTheRightPassword() throws Exception {
        assertEquals(0, swaks("PLAIN", "secret"));
        assertEquals(0, swaks("LOGIN", "secret"));
    }

    @Test
    public void postfixRefusesAWrongPassword() throws Exception {
        assertEquals("swaks exits 28 when AUTH fails", 28, swaks("PLAIN", "wrong"));
    }

    /** A Postfix instance with its own configuration, queue and data folders. */
    static final class PrivatePostfix {

        private static final List<String> SERVICES = List.of(
                "pickup unix n - n 60 1 pickup", "cleanup unix n - n - 0 cleanup", "qmgr unix n - n 300 1 qmgr",
                "rewrite unix - - n - - trivial-rewrite", "bounce unix - - n - 0 bounce",
                "defer unix - - n - 0 bounce", "trace unix - - n - 0 bounce", "verify unix - - n - 1 verify",
                "proxymap unix - - n - - proxymap", "smtp unix - - n - - smtp", "showq unix n - n - - showq",
                "error unix - - n - - error", "retry unix - - n - - error", "discard unix - - n - - discard",
                "lmtp unix - - n - - lmtp", "anvil unix - - n - 1 anvil", "scache unix - - n - 1 scache",
                "postlog unix-dgram n - n - 1 postlogd");

        static Path start(Path dir, int port, String extra) throws Exception {
            Files.createDirectories(dir.resolve("etc"));
            Files.createDirectories(dir.resolve("queue"));
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("etc/main.cf"), """
                    compatibility_level = 3.6
                    queue_directory = %1$s/queue
                    data_directory = %1$s/data
                    inet_interfaces = 127.0.0.1
                    inet_protocols = ipv4
                    myhostname = loft-test.localdomain
                    mydestination =
                    relay_domains =
                    relayhost =
                    alias_maps =
                    alias_database =
                    smtpd_tls_security_level = none
                    smtpd_relay_restrictions = permit_sasl_authenticated, reject
                    maillog_file = /dev/stdout
                    """.formatted(dir) + extra);
            Files.writeString(dir.resolve("etc/master.cf"),
                    "127.0.0.1:" + port + " inet n - n - - smtpd\n" + String.join("\n", SERVICES) + "\n");
            run("chown", "postfix", dir.resolve("data").toString());
            // start-fg keeps master in the foreground, logging to its standard output; plain
            // "start" needs syslog for its start-up checks, which this machine may not have
            new ProcessBuilder("postfix", "-c", dir.resolve("etc").toString(), "start-fg")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("postfix.log").toFile()).start();
            Await.until("Postfix listens on " + port, WAIT, () -> {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    return true;
                }
            });

            return dir;
        }

        static void stop(Path dir) throws Exception {
            run("postfix", "-c", dir.resolve("etc").toString(), "stop");
        }

        private static void run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        }
    }
}
