package org.loftmail.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Loft server from the distribution serving IMAP (plain and implicit TLS) for a few
 * passwd-file users ({@code alice}, {@code bob}, ..., password {@code secret}) with maildirs in a
 * fresh folder; started with {@code bin/loft run}, stopped by {@link #close()}.
 */
public final class ImapServer implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(40);

    public final LoftTestSetup setup;
    public final int imapPort;
    public final int imapsPort;
    public final Path mail;
    private final LoftProcess loft;

    private ImapServer(LoftTestSetup setup, int imapPort, int imapsPort, LoftProcess loft) {
        this.setup = setup;
        this.imapPort = imapPort;
        this.imapsPort = imapsPort;
        this.mail = setup.dir.resolve("mail");
        this.loft = loft;
    }

    /**
     * Starts a server with {@code users} and {@code extra} configuration lines. A user is a name,
     * optionally followed by a space and passwd-file extra fields ({@code bob userdb_quota_rule=...}).
     */
    public static ImapServer start(String extra, String... users) throws Exception {
        return startWith("imap", extra, users);
    }

    /**
     * Starts a server for {@code protocols} (the distribution's features and bundles), with
     * {@code users} (names) and {@code extra} configuration lines.
     */
    public static ImapServer startWith(String protocols, String extra, String... users) throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", false);
        setup.addDistributionFeatures();
        StringBuilder passwd = new StringBuilder();
        for (String spec : users) {
            // "name" or "name extra_field=value ..." (userdb extra fields, e.g. userdb_quota_rule)
            String u = spec.contains(" ") ? spec.substring(0, spec.indexOf(' ')) : spec;
            String fields = spec.contains(" ") ? spec.substring(spec.indexOf(' ') + 1) : "";
            passwd.append(u).append(":{PLAIN}secret::::").append(setup.dir.resolve("mail/" + u)).append("::")
                    .append(fields).append("\n");
        }
        Path usersFile = setup.dir.resolve("etc/users");
        Files.writeString(usersFile, passwd);
        int imap = LoftTestSetup.freePort();
        int imaps = LoftTestSetup.freePort();
        setup.writeConfig(protocols);
        Files.writeString(setup.config, Files.readString(setup.config) + """
                state_dir = %s
                mail_location = maildir:~/Maildir
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                passdb {
                  driver = passwd-file
                  args = %s
                }
                userdb {
                  driver = passwd-file
                  args = %s
                }
                service imap-login {
                  inet_listener imap {
                    port = %d
                  }
                  inet_listener imaps {
                    port = %d
                    ssl = yes
                  }
                }
                %s
                """.formatted(setup.dir.resolve("state"), usersFile, usersFile, imap, imaps, extra));
        LoftProcess loft = LoftProcess.start(setup, "run", "-c", setup.config.toString());
        loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
        loft.awaitLine(l -> l.contains("protocol imap is running"), WAIT);
        return new ImapServer(setup, imap, imaps, loft);
    }

    public String output() {
        return loft.output();
    }

    /** The server's process id. */
    public long pid() {
        return loft.pid();
    }

    /** Waits for the server to exit (after a kill). */
    public void waitForExit(Duration timeout) throws InterruptedException {
        loft.waitFor(timeout);
    }

    /** Runs a command to its end, returning its exit status and output. */
    public static LoftProcess.Result run(Path dir, Duration timeout, String... command)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new LoftProcess.Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        loft.close();
    }
}
