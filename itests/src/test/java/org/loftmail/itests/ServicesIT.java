package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.AppendResult;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.UserMailboxes;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The auth and storage bundles of the distribution, wired in Felix by Declarative Services and
 * configured from Dovecot-syntax files: a passwd-file login and a maildir append through the
 * services a protocol will use.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServicesIT {

    @Inject
    private BundleContext context;

    @Inject
    private AuthService auth;

    @Inject
    private MailStorage storage;

    @Configuration
    public Option[] config() throws Exception {
        LoftTestSetup setup = LoftTestSetup.create("echo", false);
        Files.writeString(setup.dir.resolve("etc/users"),
                "alice@example.org:{PLAIN}secret::::" + setup.dir.resolve("home/alice") + "::\n");
        Files.writeString(setup.config, Files.readString(setup.config) + """
                mail_location = maildir:%s/mail/%%u
                auth_mechanisms = plain login
                passdb {
                  driver = passwd-file
                  args = %s
                }
                userdb {
                  driver = passwd-file
                  args = %s
                }
                service auth {
                  unix_listener %s {
                    mode = 0660
                  }
                }
                """.formatted(setup.dir, setup.dir.resolve("etc/users"), setup.dir.resolve("etc/users"),
                setup.dir.resolve("run/auth-client")));
        return new Option[] {LoftContainer.options(setup)};
    }

    private static ClientInfo client() throws Exception {
        return new ClientInfo("imap", InetAddress.getLoopbackAddress(), InetAddress.getLoopbackAddress(), true, true, "it");
    }

    @Test
    public void aPasswdFileUserLogsInAndAWrongPasswordFails() throws Exception {
        AuthResult ok = auth.authenticate("alice@example.org", "secret", client());
        assertTrue(String.valueOf(ok), ok instanceof AuthResult.Success);
        assertEquals("alice@example.org", ((AuthResult.Success) ok).user());
        AuthResult wrong = auth.authenticate("alice@example.org", "guess", client());
        assertTrue(String.valueOf(wrong), wrong instanceof AuthResult.Failure);
    }

    /** What Postfix does with smtpd_sasl_type = dovecot: the handshake, then AUTH PLAIN and LOGIN. */
    @Test
    public void theAuthSocketSpeaksDovecotsProtocolAsPostfixDoes() throws Exception {
        Path socket = Path.of(context.getProperty("loft.test.dir"), "run/auth-client");
        Await.until("the auth socket exists", Duration.ofSeconds(20), () -> Files.exists(socket));
        try (LineClient postfix = Await.value("the auth protocol answers", Duration.ofSeconds(20), () -> greeted(socket))) {
            postfix.sendRaw("VERSION\t1\t2\nCPID\t4242\n");
            String plain = b64("\0alice@example.org\0secret");
            postfix.sendRaw("AUTH\t1\tPLAIN\tservice=smtp\trip=127.0.0.1\tlip=127.0.0.1\tresp=" + plain + "\n");
            assertEquals("OK\t1\tuser=alice@example.org", postfix.readLine());

            postfix.sendRaw("AUTH\t2\tLOGIN\tservice=smtp\trip=127.0.0.1\n");
            assertTrue(postfix.readLine().startsWith("CONT\t2\t"));
            postfix.sendRaw("CONT\t2\t" + b64("alice@example.org") + "\n");
            assertTrue(postfix.readLine().startsWith("CONT\t2\t"));
            postfix.sendRaw("CONT\t2\t" + b64("secret") + "\n");
            assertEquals("OK\t2\tuser=alice@example.org", postfix.readLine());

            postfix.sendRaw("AUTH\t3\tPLAIN\tservice=smtp\trip=127.0.0.1\tresp=" + b64("\0alice@example.org\0wrong") + "\n");
            assertTrue(postfix.readLine().startsWith("FAIL\t3\t"));
        }
    }

    private static LineClient greeted(Path socket) throws Exception {
        LineClient client = LineClient.unix(socket);
        String first = client.readLine();
        if (first == null || !first.equals("VERSION\t1\t2")) {
            client.close();
            throw new IllegalStateException("no greeting yet: " + first);
        }
        boolean plain = false;
        for (String line = client.readLine(); line != null && !line.equals("DONE"); line = client.readLine()) {
            plain |= line.startsWith("MECH\tPLAIN\t");
        }
        assertTrue("PLAIN is offered", plain);
        return client;
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void anAppendLandsInTheUsersMaildir() throws Exception {
        Path dir = Path.of(context.getProperty("loft.test.dir"));
        AppendResult appended;
        try (UserMailboxes mailboxes = Await.value("the maildir driver is bound", Duration.ofSeconds(20),
                () -> storage.open(MailUser.of("alice@example.org")))) {
            appended = mailboxes.append("INBOX",
                    List.of(AppendRequest.of("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII))));
        }
        assertEquals(List.of(1L), appended.uids());
        Path maildir = dir.resolve("mail/alice@example.org");
        try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
            assertEquals(1, files.count());
        }
        assertTrue(Files.readString(maildir.resolve("dovecot-uidlist")).startsWith("3 V"));
    }
}
