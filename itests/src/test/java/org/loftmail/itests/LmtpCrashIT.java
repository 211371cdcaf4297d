package org.loftmail.itests;

import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * kill -9 during a pipelined LMTP session: every message that got its 250 is in the maildir,
 * complete, after the crash; nothing else is stored but at most the one message whose DATA was
 * in flight when the server died (its 250 may have been lost on the way; a half-written one stays
 * invisible in tmp/, as with Dovecot). Five kills at random moments, restarting on the same
 * maildir each time.
 */
public class LmtpCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SUBJECT = Pattern.compile("^Subject: crash-(\\d+)$", Pattern.MULTILINE);

    @Test
    public void acknowledgedDeliveriesSurviveKillNine() throws Exception {
        int lmtpPort = LoftTestSetup.freePort();
        String extra = """
                service lmtp {
                  inet_listener lmtp {
                    address = 127.0.0.1
                    port = %d
                  }
                }
                """.formatted(lmtpPort);
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
        Random random = new Random(42);
        ImapServer first = ImapServer.startWith("imap lmtp", extra, "alice");
        Await.until("LMTP runs", WAIT, () -> first.output().contains("protocol lmtp is running"));
        Path maildir = first.mail.resolve("alice/Maildir");
        LoftTestSetup setup = first.setup;
        int next = 0;
        LoftProcess loft = null;
        for (int round = 0; round < 5; round++) {
            if (round > 0) {
                loft = LoftProcess.start(setup, "run", "-c", setup.config.toString());
                loft.awaitLine(l -> l.contains("Loft ready in"), WAIT);
                loft.awaitLine(l -> l.contains("protocol lmtp is running"), WAIT);
            }
            long pid = round == 0 ? first.pid() : loft.pid();
            int start = next;
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(300 + random.nextInt(1200));
                    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            next = deliverUntilTheServerDies(lmtpPort, start, acked, inFlight);
            killer.join();
            if (loft != null) {
                loft.waitFor(WAIT);
            } else {
                first.waitForExit(WAIT);
            }
        }
        Set<Integer> stored = stored(maildir);
        for (int n : acked) {
            assertTrue("message " + n + " got its 250 and must be stored", stored.contains(n));
        }
        Set<Integer> unacknowledged = new HashSet<>(stored);
        unacknowledged.removeAll(acked);
        assertTrue("stored without a 250 and not in flight at a kill: " + unacknowledged,
                inFlight.containsAll(unacknowledged));
        assertTrue("deliveries happened at all: " + acked.size(), acked.size() > 10);
    }

    /** Delivers crash-N messages from {@code start} until the connection breaks; returns the next N. */
    private static int deliverUntilTheServerDies(int port, int start, Set<Integer> acked, Set<Integer> inFlight) {
        int n = start;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in.readLine(), "220");
            out.write("LHLO crash.test\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine();
                expect(line, "250");
            } while (line.charAt(3) == '-');
            while (true) {
                // PIPELINING: MAIL, RCPT and DATA in one write
                out.write("MAIL FROM:<sender@remote.example>\r\nRCPT TO:<alice>\r\nDATA\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                expect(in.readLine(), "250");
                expect(in.readLine(), "250");
                expect(in.readLine(), "354");
                inFlight.add(n);
                out.write(("Subject: crash-" + n + "\r\nMessage-ID: <crash-" + n + "@test>\r\n\r\n"
                        + "line\r\n".repeat(200) + "end-" + n + "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
                expect(in.readLine(), "250");
                inFlight.remove(n);
                acked.add(n);
                n++;
            }
        } catch (IOException | IllegalStateException e) {
            return n + 1; // the server died; n may or may not be stored
        }
    }

    private static void expect(String line, String code) throws IOException {
        if (line == null) {
            throw new IOException("connection closed");
        }
        if (!line.startsWith(code)) {
            throw new IllegalStateException("expected " + code + " but got " + line);
        }
    }

    /** The crash-N messages in new/ and cur/, each checked to be complete. */
    private static Set<Integer> stored(Path maildir) throws IOException {
        Set<Integer> out = new HashSet<>();
        for (String sub : new String[] {"new", "cur"}) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                    Matcher m = SUBJECT.matcher(text.replace("\r", ""));
                    assertTrue("a message without its subject: " + f, m.find());
                    int n = Integer.parseInt(m.group(1));
                    assertTrue("message " + n + " is complete", text.endsWith("end-" + n + "\r\n"));
                    assertTrue("message " + n + " stored once", out.add(n));
                }
            }
        }
        return out;
    }
}
