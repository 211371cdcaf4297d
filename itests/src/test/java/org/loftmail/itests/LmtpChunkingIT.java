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
 * RFC 3030 CHUNKING over a real LMTP socket: BDAT chunks pipelined in one write with commands
 * after them, chunk bytes that look like commands or the end of DATA, a refused chunk whose bytes
 * are dropped, and the message stored byte for byte.
 */
public class LmtpChunkingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ImapServer server;
    private static int lmtpPort;

    @BeforeClass
    public static void start() throws Exception {
        lmtpPort = LoftTestSetup.freePort();
        server = ImapServer.startWith("imap lmtp", """
                service lmtp {
                  inet_listener lmtp {
                    address = 127.0.0.1
                    port = %d
                  }
                }
                """.formatted(lmtpPort), "alice", "bob");
        Await.until("LMTP runs", WAIT, () -> server.output().contains("protocol lmtp is running"));
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void pipelinedChunksAreStoredByteForByteWithOneReplyPerRecipient() throws Exception {
        String first = "Subject: chunked\r\n\r\nBDAT 5 LAST\r\n.\r\n";
        String second = "QUIT\r\nbare\nLF and no final CRLF";
        try (LineClient c = LineClient.tcp("127.0.0.1", lmtpPort)) {
            assertTrue(c.readLine().startsWith("220 "));
            c.sendRaw("LHLO client.example\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<alice>\r\n"
                    + "RCPT TO:<nobody>\r\nRCPT TO:<bob>\r\n"
                    + "BDAT " + first.length() + "\r\n" + first
                    + "BDAT " + second.length() + " LAST\r\n" + second + "NOOP\r\n");
            List<String> lhlo = readUntilFinal(c);
            assertTrue(lhlo.toString(), lhlo.contains("250-CHUNKING"));
            assertEquals("250 2.1.0 OK", c.readLine());
            assertEquals("250 2.1.5 OK", c.readLine());
            assertTrue(c.readLine().startsWith("550 5.1.1 <nobody>"));
            assertEquals("250 2.1.5 OK", c.readLine());
            assertEquals("250 2.0.0 OK " + first.length() + " octets received", c.readLine());
            assertTrue(c.readLine().matches("250 2\\.0\\.0 <alice> \\S+ Saved"));
            assertTrue(c.readLine().matches("250 2\\.0\\.0 <bob> \\S+ Saved"));
            assertEquals("250 2.0.0 OK", c.readLine());
        }
        for (String user : new String[] {"alice", "bob"}) {
            String stored = Files.readString(onlyMessage(user), StandardCharsets.ISO_8859_1);
            assertTrue(stored, stored.startsWith("Return-Path: <sender@example.org>\r\nDelivered-To: " + user));
            assertTrue(stored, stored.endsWith("\r\n" + first + second));
        }
    }

    @Test
    public void aChunkWithoutATransactionIsRefusedAndItsBytesNeverRunAsCommands() throws Exception {
        try (LineClient c = LineClient.tcp("127.0.0.1", lmtpPort)) {
            c.readLine();
            c.sendRaw("LHLO x\r\nBDAT 6\r\nRSET\r\nNOOP\r\n");
            readUntilFinal(c);
            assertEquals("503 5.5.1 Error: MAIL needed first", c.readLine());
            assertEquals("250 2.0.0 OK", c.readLine());
            assertEquals("221 2.0.0 Bye", c.ask("QUIT"));
        }
    }

    private static List<String> readUntilFinal(LineClient c) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        String l;
        do {
            l = c.readLine();
            lines.add(l);
        } while (l.startsWith("250-"));
        return lines;
    }

    private static Path onlyMessage(String user) throws Exception {
        Path dir = server.mail.resolve(user + "/Maildir");
        Await.until(user + "'s message is stored", WAIT, () -> !files(dir).isEmpty());
        List<Path> files = files(dir);
        assertEquals(files.toString(), 1, files.size());
        return files.get(0);
    }

    private static List<Path> files(Path maildir) throws Exception {
        List<Path> out = new java.util.ArrayList<>();
        for (String sub : new String[] {"new", "cur"}) {
            Path d = maildir.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    out.addAll(s.toList());
                }
            }
        }
        return out;
    }
}
