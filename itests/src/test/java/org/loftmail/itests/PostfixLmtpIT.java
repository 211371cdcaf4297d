package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
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
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A real Postfix (Debian's package, private, loopback, relaying nothing) with
 * {@code virtual_transport = lmtp:unix:...} delivers mail submitted with swaks into Loft through
 * the LMTP Unix socket, as the seed configuration sets it up; the mail is read back over IMAP.
 */
public class PostfixLmtpIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ImapServer loft;
    private static Path postfix;
    private static Path socket;
    private static int smtpPort;

    @BeforeClass
    public static void start() throws Exception {
        Path socketDir = java.nio.file.Files.createTempDirectory("loft-lmtp-");
        Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        socket = socketDir.resolve("dovecot-lmtp");
        loft = ImapServer.startWith("imap lmtp", """
                mail_plugins = $mail_plugins quota
                plugin {
                  quota = count:User quota
                  quota_vsizes = yes
                }
                service lmtp {
                  unix_listener %s {
                    mode = 0600
                    user = postfix
                    group = postfix
                  }
                }
                """.formatted(socket), "alice@example.org", "bob@example.org",
                // carol's mailbox is full: a 1-byte rule from the userdb
                "carol@example.org userdb_quota_rule=*:bytes=1");
        Await.until("the LMTP socket exists", WAIT, () -> Files.exists(socket));
        Files.setPosixFilePermissions(loft.setup.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        smtpPort = LoftTestSetup.freePort();
        postfix = PostfixAuthIT.PrivatePostfix.start(loft.setup.dir.resolve("postfix"), smtpPort, """
                smtpd_relay_restrictions = reject_unauth_destination
                virtual_mailbox_domains = example.org
                virtual_transport = lmtp:unix:%s
                lmtp_destination_recipient_limit = 50
                """.formatted(socket));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (postfix != null) {
            PostfixAuthIT.PrivatePostfix.stop(postfix);
        }
        if (loft != null) {
            loft.close();
        }
    }

    private static void swaks(String to, String subject) throws Exception {
        Process p = new ProcessBuilder("swaks", "--server", "127.0.0.1:" + smtpPort, "--from",
                "sender@remote.example", "--to", to, "--header", "Subject: " + subject, "--body",
                "Hello over LMTP\n.leading dot line\n").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("swaks ended", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
    }

    /** The full messages in a user's INBOX, read over IMAP with Python's imaplib. */
    private static List<String> inbox(String user) throws Exception {
        LoftProcess.Result r = ImapServer.run(loft.setup.dir, WAIT, "python3", "-c", """
                import imaplib,sys
                m=imaplib.IMAP4('127.0.0.1',%d); m.login('%s','secret'); m.select('INBOX', readonly=True)
                t,d=m.fetch('1:*','(BODY.PEEK[])')
                for x in d:
                    if isinstance(x, tuple): sys.stdout.write(x[1].decode('utf-8','replace') + '\\n=====\\n')
                """.formatted(loft.imapPort, user));
        List<String> out = new ArrayList<>();
        for (String m : r.output().split("\n=====\n")) {
            if (!m.isBlank() && m.contains("Return-Path")) {
                out.add(m);
            }
        }
        return out;
    }

    private static String postfixLog() throws IOException {
        return Files.readString(postfix.resolve("postfix.log"));
    }

    @Test
    public void postfixDeliversThroughTheUnixSocketAndTheMailShowsOverImap() throws Exception {
        swaks("alice@example.org", "hello alice");
        Await.until("alice has the mail", WAIT, () -> inbox("alice@example.org").stream()
                .anyMatch(m -> m.contains("Subject: hello alice")));
        String msg = inbox("alice@example.org").stream().filter(m -> m.contains("Subject: hello alice")).findFirst()
                .orElseThrow();
        assertTrue(msg, msg.startsWith("Return-Path: <sender@remote.example>\r\nDelivered-To: alice@example.org\r\n"));
        assertTrue(msg, msg.contains("Subject: hello alice"));
        assertTrue(msg, msg.contains("\r\n.leading dot line\r\n"));
    }

    @Test
    public void loftDeliverPipesAMessageWithExitCodesAnMtaUnderstands() throws Exception {
        Path msg = loft.setup.dir.resolve("piped.eml");
        Files.writeString(msg, "Subject: piped\n\n.a line with a dot\nbye\n");
        String bin = LoftContainer.distribution().resolve("bin/loft").toString();
        LoftProcess.Result ok = ImapServer.run(loft.setup.dir, WAIT, "sh", "-c",
                bin + " deliver -d alice@example.org -f someone@remote.example -s " + socket + " < " + msg);
        assertEquals(ok.output(), 0, ok.status());
        Await.until("alice has the piped mail", WAIT, () -> inbox("alice@example.org").stream()
                .anyMatch(m -> m.contains("Subject: piped\r\n\r\n.a line with a dot\r\nbye\r\n")
                        && m.startsWith("Return-Path: <someone@remote.example>")));
        LoftProcess.Result unknown = ImapServer.run(loft.setup.dir, WAIT, "sh", "-c",
                bin + " deliver -d nobody@example.org -s " + socket + " < " + msg);
        assertEquals(unknown.output(), 67, unknown.status());
        LoftProcess.Result down = ImapServer.run(loft.setup.dir, WAIT, "sh", "-c",
                bin + " deliver -d alice@example.org -s " + socket + ".missing < " + msg);
        assertEquals(down.output(), 75, down.status());
    }

    @Test
    public void anUnknownRecipientBouncesWith511() throws Exception {
        swaks("nobody@example.org", "to nobody");
        Await.until("Postfix bounced the mail", WAIT, () -> postfixLog().lines().anyMatch(l ->
                l.contains("to=<nobody@example.org>") && l.contains("status=bounced") && l.contains("5.1.1")));
    }

    @Test
    public void aFullMailboxGets522WhileTheOtherRecipientGetsTheMail() throws Exception {
        swaks("carol@example.org,bob@example.org", "two recipients");
        Await.until("bob has the mail", WAIT, () -> inbox("bob@example.org").stream()
                .anyMatch(m -> m.contains("Subject: two recipients")));
        Await.until("Postfix bounced carol's copy", WAIT, () -> postfixLog().lines().anyMatch(l ->
                l.contains("to=<carol@example.org>") && l.contains("status=bounced") && l.contains("5.2.2")));
        assertTrue(inbox("carol@example.org").isEmpty());
    }
}
