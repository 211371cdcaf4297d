package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.loftmail.itests.imapscript.ImapScripts;
import org.loftmail.itests.protoscript.LineScripts;

/**
 * The POP3, LMTP and quota protocol scripts ({@code src/test/resources/pop3-scripts},
 * {@code lmtp-scripts}, {@code quota-scripts}; the POP3 and LMTP ones checked against Dovecot 2.3 too)
 * against one {@code bin/loft run} serving IMAP, POP3 and LMTP with the quota plug-in. Each script runs
 * as its own user; the quota scripts' users have a 10 KiB storage limit, every user a 20 KiB
 * maximum message size.
 */
public class Pop3LmtpScriptsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "secret";
    /** The second account of the scripts that deliver to two users ({@code ${user2}}). */
    private static final String OTHER = "other";
    private static final String QUOTA_OTHER = "quotaother";
    private static final String QUOTA_FIELDS = " userdb_quota_rule=*:storage=10K";

    private static ImapServer server;
    private static LineScripts.Server ports;
    private static List<Path> pop3;
    private static List<Path> lmtp;
    private static List<Path> quotaLine;
    private static List<Path> quotaImap;

    @BeforeClass
    public static void start() throws Exception {
        pop3 = LineScripts.scripts(LineScripts.folder("pop3-scripts"));
        lmtp = LineScripts.scripts(LineScripts.folder("lmtp-scripts"));
        quotaLine = LineScripts.scripts(LineScripts.folder("quota-scripts"));
        quotaImap = ImapScripts.scripts(LineScripts.folder("quota-scripts"));
        List<String> users = new ArrayList<>(List.of(OTHER, QUOTA_OTHER + QUOTA_FIELDS));
        for (int i = 1; i <= pop3.size() + lmtp.size(); i++) {
            users.add("user" + i);
        }
        for (int i = 1; i <= quotaLine.size() + quotaImap.size(); i++) {
            users.add("quota" + i + QUOTA_FIELDS);
        }
        int pop3Port = LoftTestSetup.freePort();
        int lmtpPort = LoftTestSetup.freePort();
        server = ImapServer.startWith("imap pop3 lmtp", """
                auth_username_format = %%Ln
                mail_plugins = $mail_plugins quota
                protocol imap {
                  mail_plugins = $mail_plugins imap_quota
                }
                plugin {
                  quota = maildir:User quota
                  quota_max_mail_size = 20K
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = %d
                  }
                  inet_listener pop3s {
                    port = 0
                  }
                }
                service lmtp {
                  inet_listener lmtp {
                    address = 127.0.0.1
                    port = %d
                  }
                }
                """.formatted(pop3Port, lmtpPort), users.toArray(String[]::new));
        Await.until("POP3 runs", WAIT, () -> server.output().contains("protocol pop3 is running"));
        Await.until("LMTP runs", WAIT, () -> server.output().contains("protocol lmtp is running"));
        ports = new LineScripts.Server("127.0.0.1", Map.of("pop3", pop3Port, "lmtp", lmtpPort,
                "imap", server.imapPort));
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs the scripts, the n-th as user prefix + (first + n), with other as ${user2}. */
    private static List<LineScripts.ScriptResult> run(List<Path> scripts, String prefix, int first, String other)
            throws Exception {
        List<LineScripts.ScriptResult> results = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            results.add(LineScripts.run(scripts.get(i), ports, LineScripts.vars(prefix + (first + i + 1), PASSWORD,
                    Map.of("user2", other)), LineScripts.DEFAULT_TIMEOUT_MILLIS));
        }
        return results;
    }

    private static void assertAllPassed(List<Path> scripts, List<LineScripts.ScriptResult> results) {
        assertEquals(scripts.size(), results.size());
        assertNull(LineScripts.failures(results), LineScripts.failures(results));
    }

    @Test
    public void everyPop3ScriptPasses() throws Exception {
        assertAllPassed(pop3, run(pop3, "user", 0, OTHER));
    }

    @Test
    public void everyLmtpScriptPasses() throws Exception {
        assertAllPassed(lmtp, run(lmtp, "user", pop3.size(), OTHER));
    }

    @Test
    public void everyQuotaLmtpScriptPasses() throws Exception {
        assertAllPassed(quotaLine, run(quotaLine, "quota", 0, QUOTA_OTHER));
    }

    @Test
    public void everyQuotaImapScriptPasses() throws Exception {
        AtomicInteger next = new AtomicInteger(quotaLine.size());
        List<ImapScripts.ScriptResult> results = ImapScripts.runAll(LineScripts.folder("quota-scripts"),
                "127.0.0.1", server.imapPort,
                file -> new ImapScripts.Credentials("quota" + next.incrementAndGet(), PASSWORD));
        assertEquals(quotaImap.size(), results.size());
        assertNull(ImapScripts.failures(results), ImapScripts.failures(results));
    }
}
