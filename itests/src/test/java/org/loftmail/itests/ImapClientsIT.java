package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Real IMAP clients against {@code bin/loft run}: Python's imaplib (plain and implicit TLS) and
 * {@code mbsync} from Debian's isync, syncing two folders both ways with a local maildir; and
 * COMPRESS=DEFLATE with Python's zlib, in the clear and under TLS.
 */
public class ImapClientsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ImapServer server;
    private static Path script;

    @BeforeClass
    public static void start() throws Exception {
        server = ImapServer.start("", "alice", "bob", "carol", "dave");
        script = server.setup.dir.resolve("imaplib_client.py");
        try (var in = ImapClientsIT.class.getResourceAsStream("/imap/imaplib_client.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void pythonImaplibWorks() throws Exception {
        LoftProcess.Result r = ImapServer.run(server.setup.dir, WAIT, "python3", script.toString(), "127.0.0.1",
                Integer.toString(server.imapPort), "alice", "secret");
        assertEquals(r.output(), 0, r.status());
        assertTrue(r.output(), r.output().contains("IMAPLIB OK"));
    }

    @Test
    public void pythonImaplibOverImplicitTls() throws Exception {
        LoftProcess.Result r = ImapServer.run(server.setup.dir, WAIT, "python3", script.toString(), "127.0.0.1",
                Integer.toString(server.imapsPort), "bob", "secret", "--ssl");
        assertEquals(r.output(), 0, r.status());
        assertTrue(r.output(), r.output().contains("IMAPLIB OK"));
    }

    @Test
    public void compressDeflatePlainAndUnderTls() throws Exception {
        Path compress = server.setup.dir.resolve("compress_client.py");
        try (var in = ImapClientsIT.class.getResourceAsStream("/imap/compress_client.py")) {
            Files.write(compress, in.readAllBytes());
        }
        for (String[] args : new String[][] {{Integer.toString(server.imapPort)},
                {Integer.toString(server.imapsPort), "--ssl"}}) {
            List<String> command = new java.util.ArrayList<>(List.of("python3", compress.toString(), "127.0.0.1"));
            command.add(args[0]);
            command.addAll(List.of("dave", "secret"));
            if (args.length > 1) {
                command.add(args[1]);
            }
            LoftProcess.Result r = ImapServer.run(server.setup.dir, WAIT, command.toArray(String[]::new));
            assertEquals(r.output(), 0, r.status());
            assertTrue(r.output(), r.output().contains("COMPRESS OK"));
        }
    }

    @Test
    public void mbsyncSyncsTwoFoldersBothWays() throws Exception {
        Path dir = server.setup.dir.resolve("mbsync");
        Path local = dir.resolve("local");
        Files.createDirectories(dir.resolve("state"));
        // a local maildir with a message in INBOX and one in Work
        writeMaildirMessage(local.resolve("INBOX"), "local-1", "Subject: from the laptop\r\n\r\nlocal one\r\n");
        writeMaildirMessage(local.resolve("Work"), "local-2", "Subject: work item\r\n\r\nlocal two\r\n");
        Path config = dir.resolve("mbsyncrc");
        Files.writeString(config, """
                IMAPAccount loft
                Host 127.0.0.1
                Port %d
                User carol
                Pass secret
                SSLType None
                AuthMechs LOGIN

                IMAPStore remote
                Account loft

                MaildirStore local
                Path %s/
                Inbox %s/INBOX
                SubFolders Verbatim

                Channel sync
                Far :remote:
                Near :local:
                Patterns INBOX Work
                Create Both
                Expunge Both
                SyncState %s/
                """.formatted(server.imapPort, local, local, dir.resolve("state")));
        LoftProcess.Result first = mbsync(dir, config);
        assertEquals(first.output(), 0, first.status());
        // the local messages arrived in Loft's maildir for carol
        Path carol = server.mail.resolve("carol/Maildir");
        Await.until("carol's INBOX has the laptop's message", WAIT,
                () -> contains(carol, "from the laptop") && contains(carol.resolve(".Work"), "work item"));

        // now a message arrives on the server side (through IMAP) and the laptop marks one as seen
        LoftProcess.Result append = ImapServer.run(dir, WAIT, "python3", "-c", """
                import imaplib,sys
                m=imaplib.IMAP4('127.0.0.1',%d); m.login('carol','secret')
                t,d=m.append('Work',None,None,b'Subject: from the server\\r\\n\\r\\nserver side\\r\\n')
                sys.exit(0 if t=='OK' else 1)
                """.formatted(server.imapPort));
        assertEquals(append.output(), 0, append.status());
        Path seen = markFirstSeen(local.resolve("INBOX"));
        LoftProcess.Result second = mbsync(dir, config);
        assertEquals(second.output(), 0, second.status());
        assertTrue("the server's message reached the laptop", contains(local.resolve("Work"), "from the server"));
        LoftProcess.Result flags = ImapServer.run(dir, WAIT, "python3", "-c", """
                import imaplib
                m=imaplib.IMAP4('127.0.0.1',%d); m.login('carol','secret'); m.select('INBOX')
                print(m.fetch('1:*','(FLAGS)')[1])
                """.formatted(server.imapPort));
        assertTrue(seen + ": " + flags.output(), flags.output().contains("\\\\Seen"));
    }

    private static LoftProcess.Result mbsync(Path dir, Path config) throws Exception {
        return ImapServer.run(dir, WAIT, "mbsync", "-c", config.toString(), "-a");
    }

    private static void writeMaildirMessage(Path maildir, String name, String content) throws Exception {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Files.writeString(maildir.resolve("new/" + System.currentTimeMillis() + "." + name + ".laptop"), content);
    }

    private static Path markFirstSeen(Path maildir) throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(maildir.resolve("cur")), Files.list(maildir.resolve("new")))) {
            Path f = files.filter(p -> read(p).contains("from the laptop")).findFirst().orElseThrow();
            String name = f.getFileName().toString();
            String base = name.contains(":2,") ? name.substring(0, name.indexOf(":2,")) : name;
            String flags = name.contains(":2,") ? name.substring(name.indexOf(":2,") + 3) : "";
            Path target = maildir.resolve("cur/" + base + ":2," + (flags.contains("S") ? flags : sortFlags(flags + "S")));
            Files.move(f, target);
            return target;
        }
    }

    private static String sortFlags(String f) {
        char[] c = f.toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }

    private static boolean contains(Path maildir, String text) {
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                if (files.anyMatch(p -> read(p).contains(text))) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // not there yet
            }
        }
        return false;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
