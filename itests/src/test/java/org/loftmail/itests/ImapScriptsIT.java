package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.loftmail.itests.imapscript.ImapScripts;

/**
 * Every IMAP protocol script (one file per RFC area, {@code src/test/resources/imap-scripts},
 * each checked against Dovecot 2.3 too) against {@code bin/loft run}, each script as its own user.
 */
public class ImapScriptsIT {

    private static ImapServer server;
    private static List<Path> scripts;

    @BeforeClass
    public static void start() throws Exception {
        scripts = ImapScripts.scripts(ImapScripts.defaultFolder());
        String[] users = new String[scripts.size()];
        for (int i = 0; i < users.length; i++) {
            users[i] = "user" + (i + 1);
        }
        server = ImapServer.start("", users);
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void everyScriptPasses() throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<ImapScripts.ScriptResult> results = ImapScripts.runAll(ImapScripts.defaultFolder(), "127.0.0.1",
                server.imapPort, file -> new ImapScripts.Credentials("user" + next.incrementAndGet(), "secret"));
        assertEquals(scripts.size(), results.size());
        assertNull(ImapScripts.failures(results), ImapScripts.failures(results));
    }
}
