package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Limits and abuse over real sockets (RFC 3501 and Dovecot's behaviour): an over-long line and
 * an over-large literal are answered and the session goes on; {@code mail_max_userip_connections}
 * refuses one session too many; a client that sends a big APPEND but never reads does not stop
 * another client.
 */
public class ImapLimitsIT {

    private static ImapServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = ImapServer.start("""
                mail_max_userip_connections = 3
                imap_max_line_length = 8k
                """, "alice", "bob");
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static LineClient login(String user) throws Exception {
        LineClient c = LineClient.tcp("127.0.0.1", server.imapPort);
        assertTrue(c.readLine().startsWith("* OK [CAPABILITY IMAP4rev1"));
        String r = c.ask("L LOGIN " + user + " secret");
        assertTrue(r, r.startsWith("L OK"));
        return c;
    }

    @Test
    public void aTooLongLineIsBadAndTheSessionGoesOn() throws Exception {
        try (LineClient c = login("alice")) {
            c.send("a1 NOOP " + "x".repeat(20_000));
            assertEquals("* BAD Too long argument.", c.readLine());
            assertEquals("a2 OK NOOP completed.", c.ask("a2 NOOP"));
        }
    }

    @Test
    public void aTooLargeStringLiteralIsRefusedBeforeItsBytes() throws Exception {
        try (LineClient c = login("alice")) {
            c.send("a1 LOGIN {999999999}");
            String r = c.readLine();
            assertTrue(r, r.startsWith("a1 BAD "));
            assertEquals("a2 OK NOOP completed.", c.ask("a2 NOOP"));
        }
    }

    @Test
    public void anAppendOverAppendlimitIsTooBig() throws Exception {
        try (LineClient c = login("alice")) {
            c.send("a1 APPEND INBOX {999999999999}");
            assertEquals("a1 NO [TOOBIG] Message larger than APPENDLIMIT 104857600", c.readLine());
            assertEquals("a2 OK NOOP completed.", c.ask("a2 NOOP"));
        }
    }

    @Test
    public void mailMaxUseripConnectionsRefusesTheFourthSession() throws Exception {
        List<LineClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(login("bob"));
            }
            try (LineClient fourth = LineClient.tcp("127.0.0.1", server.imapPort)) {
                fourth.readLine();
                String r = fourth.ask("L LOGIN bob secret");
                assertEquals("L NO [LIMIT] Maximum number of connections from user+IP exceeded "
                        + "(mail_max_userip_connections=3)", r);
            }
            open.remove(0).close();
            // the server frees the slot when it has seen the close, a moment later
            Await.until("a session of bob ends and a new one may log in", java.time.Duration.ofSeconds(10), () -> {
                try (LineClient again = LineClient.tcp("127.0.0.1", server.imapPort)) {
                    again.readLine();
                    if (!again.ask("L LOGIN bob secret").startsWith("L OK")) {
                        return false;
                    }
                    assertEquals("n OK NOOP completed.", again.ask("n NOOP"));
                    return true;
                }
            });
        } finally {
            for (LineClient c : open) {
                c.close();
            }
        }
    }

    @Test
    public void aClientThatNeverReadsDoesNotBlockOthers() throws Exception {
        try (LineClient writer = login("alice")) {
            StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
            while (big.length() < 200_000) {
                big.append("0123456789".repeat(7)).append("\r\n");
            }
            writer.send("a1 APPEND INBOX {" + big.length() + "+}");
            writer.sendRaw(big + "\r\n");
            assertTrue(writer.readLine().startsWith("a1 OK [APPENDUID"));
            writer.send("a2 SELECT INBOX");
            // ask for the message 200 times and never read the answers
            for (int i = 0; i < 200; i++) {
                writer.send("f" + i + " FETCH 1 BODY.PEEK[]");
            }
            try (LineClient other = login("bob")) {
                assertEquals("n OK NOOP completed.", other.ask("n NOOP"));
            }
        }
    }
}
