package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * POP3 from {@code bin/loft run} with {@code protocols = pop3}: passwd-file users whose maildirs
 * were filled with files before the start; Debian's {@code fetchmail} downloads them (deleting
 * with {@code --nokeep}; keeping them and honouring UIDLs with {@code keep uidl}); STLS and
 * implicit TLS on pop3s; {@code pop3_lock_session}.
 */
public class Pop3IT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static LoftTestSetup setup;
    private static LoftProcess loft;
    private static int pop3Port;
    private static int pop3sPort;
    private static Path mail;
    private static int counter;

    @BeforeClass
    public static void start() throws Exception {
        setup = LoftTestSetup.create("echo", false);
        Path dist = LoftContainer.distribution();
        Files.copy(dist.resolve("features/pop3.feature"), setup.features.resolve("pop3.feature"));
        try (Stream<Path> jars = Files.list(dist.resolve("bundles"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("pop3-")).toList()) {
                Files.copy(jar, setup.bundles.resolve(jar.getFileName()));
            }
        }
        mail = setup.dir.resolve("mail");
        StringBuilder passwd = new StringBuilder();
        for (String u : List.of("alice", "bob", "carol", "dave", "erin")) {
            passwd.append(u).append(":{PLAIN}secret::::").append(mail.resolve(u)).append("::\n");
        }
        for (int i = 1; i <= 3; i++) {
            deliver("alice", "alice message " + i);
            deliver("bob", "bob message " + i);
        }
        deliver("carol", "carol message 1");
        deliver("erin", "erin message 1");
        deliver("erin", "erin message 2");
        // a line starting with a dot and bare LF line ends, as maildir files usually have
        Files.writeString(newMessage("dave"), "From: x@example.org\nSubject: dots\n\n.leading dot\n..two\nend\n");
        Path users = setup.dir.resolve("etc/users");
        Files.writeString(users, passwd);
        pop3Port = LoftTestSetup.freePort();
        pop3sPort = LoftTestSetup.freePort();
        setup.writeConfig("pop3");
        Files.writeString(setup.config, Files.readString(setup.config) + """
                state_dir = %s
                mail_location = maildir:~/Maildir
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                pop3_lock_session = yes
                passdb {
                  driver = passwd-file
                  args = %s
                }
                userdb {
                  driver = passwd-file
                  args = %s
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = %d
                  }
                  inet_listener pop3s {
                    port = %d
                    ssl = yes
                  }
                }
                """.formatted(setup.dir.resolve("state"), users, users, pop3Port, pop3sPort));
        loft = LoftProcess.start(setup, "run", "-c", setup.config.toString());
        loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
        loft.awaitLine(l -> l.contains("pop3s: protocol pop3 is running"), WAIT);
        loft.awaitLine(l -> l.contains("pop3: protocol pop3 is running"), WAIT);
    }

    @AfterClass
    public static void stop() {
        if (loft != null) {
            loft.close();
        }
    }

    private static Path newMessage(String user) throws IOException {
        Path maildir = mail.resolve(user).resolve("Maildir");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        return maildir.resolve("new/" + (1_700_000_000L + counter) + ".M" + (counter++) + "P1.itest");
    }

    private static void deliver(String user, String subject) throws IOException {
        Files.writeString(newMessage(user), "From: sender@example.org\r\nTo: " + user + "@example.org\r\nSubject: "
                + subject + "\r\nMessage-ID: <" + subject.replace(' ', '-') + "@example.org>\r\n\r\nThis is "
                + subject + ".\r\n");
    }

    /** Runs fetchmail with an rcfile for {@code user}; the MDA writes each message to its own file in {@code out}. */
    private static LoftProcess.Result fetchmail(String user, Path out, String serverOptions, String userOptions,
            String... args)
            throws Exception {
        Path dir = setup.dir.resolve("fetchmail-" + user);
        Files.createDirectories(out);
        Files.createDirectories(dir);
        Path rc = dir.resolve("fetchmailrc");
        Files.writeString(rc, """
                set no bouncemail
                poll localhost with protocol pop3 port %d auth password %s
                  user "%s" there with password "secret" is "%s" here
                  %s
                  mda "cat > $(mktemp %s/m.XXXXXX)"
                """.formatted(pop3Port, serverOptions, user, user, userOptions, out));
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>(List.of("fetchmail", "-v", "-f", rc.toString(), "--idfile",
                dir.resolve("fetchids").toString(), "--pidfile", dir.resolve("fetchmail.pid").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("fetchmail timed out");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("[fetchmail " + user + "] " + text.replace("\n", "\n[fetchmail " + user + "] "));
        return new LoftProcess.Result(p.exitValue(), text);
    }

    private static List<String> received(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    private static long filesIn(String user) throws IOException {
        Path maildir = mail.resolve(user).resolve("Maildir");
        long n = 0;
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                n += files.filter(Files::isRegularFile).count();
            }
        }
        return n;
    }

    @Test
    public void fetchmailDownloadsAndDeletesEverything() throws Exception {
        Path out = setup.dir.resolve("out-alice");
        LoftProcess.Result r = fetchmail("alice", out, "", "sslproto ''", "--nokeep");
        assertEquals(r.output(), 0, r.status());
        List<String> got = received(out);
        assertEquals(got.toString(), 3, got.size());
        for (int i = 1; i <= 3; i++) {
            int n = i;
            assertTrue(got.toString(), got.stream().anyMatch(m -> m.contains("Subject: alice message " + n)));
        }
        assertEquals("the maildrop is empty after QUIT", 0, filesIn("alice"));
        loft.awaitLine(l -> l.contains("user=alice") && l.contains("Disconnected: Logged out top=3/") && l.contains("del=3/3"), WAIT);

        // one more message: only it arrives
        deliver("alice", "alice message 4");
        LoftProcess.Result again = fetchmail("alice", out, "", "sslproto ''", "--nokeep");
        assertEquals(again.output(), 0, again.status());
        got = received(out);
        assertEquals(got.toString(), 4, got.size());
        assertEquals(1, got.stream().filter(m -> m.contains("Subject: alice message 4")).count());
        assertEquals(0, filesIn("alice"));

        // nothing left: fetchmail says so with exit status 1
        assertEquals(1, fetchmail("alice", out, "", "sslproto ''", "--nokeep").status());
    }

    @Test
    public void fetchmailKeepsMessagesAndHonoursUidls() throws Exception {
        Path out = setup.dir.resolve("out-bob");
        LoftProcess.Result r = fetchmail("bob", out, "uidl", "sslproto '' keep");
        assertEquals(r.output(), 0, r.status());
        assertEquals(3, received(out).size());
        assertEquals("kept on the server", 3, filesIn("bob"));

        deliver("bob", "bob message 4");
        LoftProcess.Result second = fetchmail("bob", out, "uidl", "sslproto '' keep");
        assertEquals(second.output(), 0, second.status());
        List<String> got = received(out);
        assertEquals(got.toString(), 4, got.size());
        assertEquals(1, got.stream().filter(m -> m.contains("Subject: bob message 4")).count());
        assertEquals(4, filesIn("bob"));

        LoftProcess.Result third = fetchmail("bob", out, "uidl", "sslproto '' keep");
        assertEquals(third.output(), 1, third.status());
        assertEquals(4, received(out).size());
    }

    @Test
    public void fetchmailOverStlsWithTheServerCertificate() throws Exception {
        Path out = setup.dir.resolve("out-dave");
        LoftProcess.Result r = fetchmail("dave", out, "", "sslproto tls1.2+ sslcertck sslcertfile \"" + setup.cert + "\"",
                "--keep");
        assertEquals(r.output(), 0, r.status());
        assertTrue(r.output(), r.output().contains("STLS"));
        List<String> got = received(out);
        assertEquals(1, got.size());
        assertTrue(got.get(0), got.get(0).contains("\n.leading dot\n..two\nend\n"));
    }

    @Test
    public void rawSessionOverStls() throws Exception {
        SSLContext tls = Tls.trusting(setup.cert);
        try (LineClient c = LineClient.tcp("127.0.0.1", pop3Port)) {
            assertEquals("+OK Loft ready.", c.readLine());
            List<String> capa = multiLine(c, "CAPA");
            assertTrue(capa.toString(), capa.contains("STLS"));
            assertTrue(capa.toString(), capa.contains("USER"));
            assertEquals("+OK Begin TLS negotiation now.", c.ask("STLS"));
            c.startTls(tls);
            capa = multiLine(c, "CAPA");
            assertFalse(capa.toString(), capa.contains("STLS"));
            assertTrue(capa.toString(), capa.stream().anyMatch(l -> l.startsWith("SASL") && l.contains("PLAIN")));
            String plain = java.util.Base64.getEncoder().encodeToString("\0dave\0secret".getBytes());
            assertEquals("+ ", c.ask("AUTH PLAIN"));
            assertEquals("+OK Logged in.", c.ask(plain));
            assertTrue(c.ask("STAT").startsWith("+OK 1 "));
            List<String> retr = multiLine(c, "RETR 1");
            assertTrue(retr.toString(), retr.get(0).matches("\\+OK \\d+ octets"));
            assertTrue(retr.toString(), retr.contains("..leading dot"));
            assertTrue(retr.toString(), retr.contains("...two"));
            assertEquals("+OK Logging out.", c.ask("QUIT"));
        }
    }

    @Test
    public void implicitTlsAndTheSessionLock() throws Exception {
        SSLContext tls = Tls.trusting(setup.cert);
        try (LineClient first = LineClient.tls("127.0.0.1", pop3sPort, tls);
                LineClient second = LineClient.tcp("127.0.0.1", pop3Port)) {
            assertEquals("+OK Loft ready.", first.readLine());
            assertEquals("+OK", first.ask("USER carol"));
            assertEquals("+OK Logged in.", first.ask("PASS secret"));
            assertTrue(first.ask("STAT").startsWith("+OK 1 "));
            List<String> uidl = multiLine(first, "UIDL");
            assertTrue(uidl.toString(), uidl.get(1).matches("1 00000001[0-9a-f]{8}"));

            assertEquals("+OK Loft ready.", second.readLine());
            assertEquals("+OK", second.ask("USER carol"));
            assertEquals("-ERR [IN-USE] Mailbox is locked by another POP3 session.", second.ask("PASS secret"));
            assertEquals(null, second.readLine());

            assertEquals("-ERR Unknown command: FOO", first.ask("FOO"));
            assertEquals("+OK Logging out.", first.ask("QUIT"));
        }
        try (LineClient third = LineClient.tcp("127.0.0.1", pop3Port)) {
            third.readLine();
            third.ask("USER carol");
            assertEquals("+OK Logged in.", third.ask("PASS secret"));
            assertEquals("-ERR [AUTH] Authentication failed.", wrongPassword());
            assertEquals("+OK Logging out.", third.ask("QUIT"));
        }
    }

    @Test
    public void theListIsFixedAtLoginAndMessagesRemovedMeanwhileFail() throws Exception {
        try (LineClient c = LineClient.tcp("127.0.0.1", pop3Port)) {
            c.readLine();
            c.ask("USER erin");
            assertEquals("+OK Logged in.", c.ask("PASS secret"));
            String stat = c.ask("STAT");
            assertTrue(stat, stat.startsWith("+OK 2 "));
            // another server (or an IMAP session) removes the messages; a new one arrives
            Path maildir = mail.resolve("erin/Maildir");
            for (String sub : List.of("cur", "new")) {
                try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
            }
            deliver("erin", "erin message 3");
            assertEquals(stat, c.ask("STAT"));
            assertEquals("-ERR Message 1 expunged.", c.ask("RETR 1"));
            assertEquals("-ERR Message 2 expunged.", c.ask("TOP 2 0"));
            assertEquals("+OK Marked to be deleted.", c.ask("DELE 2"));
            assertEquals("+OK Logging out, messages deleted.", c.ask("QUIT"));
        }
        assertEquals("the new message stays", 1, filesIn("erin"));
    }

    private static String wrongPassword() throws Exception {
        try (LineClient c = LineClient.tcp("127.0.0.1", pop3Port)) {
            c.readLine();
            c.ask("USER carol");
            return c.ask("PASS wrong");
        }
    }

    /** Sends a command and reads a multi-line answer up to its "." line (unstuffing nothing). */
    private static List<String> multiLine(LineClient c, String command) throws IOException {
        c.send(command);
        List<String> lines = new ArrayList<>();
        String first = c.readLine();
        lines.add(first);
        if (!first.startsWith("+OK")) {
            return lines;
        }
        String line;
        while ((line = c.readLine()) != null && !line.equals(".")) {
            lines.add(line);
        }
        return lines;
    }
}
