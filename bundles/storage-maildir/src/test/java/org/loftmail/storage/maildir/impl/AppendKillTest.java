package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageSource;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * Issue 4's kill -9 acceptance test: a child JVM appends through the real storage API (storage
 * core over the maildir driver) in a loop and is killed with SIGKILL at a random moment, 50 times,
 * each time restarted on the same maildir. Afterwards every append the child reported done is
 * there with its UID and content, no UID was given twice, every file in {@code new/} and
 * {@code cur/} is a complete message, and the mailbox opens clean through the API and in Dovecot.
 */
class AppendKillTest {
    private static final int ROUNDS = 50;
    private static final Pattern DONE = Pattern.compile("DONE (\\d+) (<[^>]+>)");
    private static final Pattern READY = Pattern.compile("READY (\\d+)");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-ID: (<[^>]+>)\r?$");

    @TempDir
    Path base;

    @Test
    void acknowledgedAppendsSurviveKillNineAndNothingHalfWrittenIsVisible() throws Exception {
        Doveadm dovecot = new Doveadm(base, "");
        String location = "maildir:" + base.resolve("mail") + "/%u";
        Random random = new Random(0x4b494c4cL);
        Map<Long, String> acknowledged = new LinkedHashMap<>();
        Set<Long> validities = new HashSet<>();
        int staleLocks = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Round r = runAndKill(location, round, 20 + random.nextInt(181));
            staleLocks += countLeftoverLocks(dovecot.maildir());
            validities.add(r.uidValidity);
            for (Map.Entry<Long, String> e : r.done.entrySet()) {
                String before = acknowledged.put(e.getKey(), e.getValue());
                assertEquals(null, before, "UID " + e.getKey() + " acknowledged twice: " + before + ", " + e.getValue());
            }
        }
        assertEquals(1, validities.size(), "UIDVALIDITY never changes by itself: " + validities);
        assertFalse(acknowledged.isEmpty(), "the child acknowledged appends before it was killed");
        System.out.println("AppendKillTest: " + ROUNDS + " kills, " + acknowledged.size()
                + " acknowledged appends, " + staleLocks + " dotlocks left behind by a killed child");

        // Nothing half-written is visible: every file in new/ and cur/ is a whole message of ours.
        Path maildir = dovecot.maildir();
        Map<String, String> messageIdByBase = new HashMap<>();
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                for (Path file : files.toList()) {
                    MaildirFilename name = MaildirFilename.parse(file.getFileName().toString());
                    byte[] content = Files.readAllBytes(file);
                    assertEquals(content.length, name.size().orElseThrow(), file + ": S= matches the file");
                    String id = messageId(content);
                    assertNotNull(id, file + " has our header");
                    assertArrayEquals(message(id), content, file + " is complete");
                    assertEquals(null, messageIdByBase.put(name.base(), id), "one file per base name: " + file);
                }
            }
        }

        // No UID given twice in dovecot-uidlist, and no base name under two UIDs.
        List<String> records = Files.readAllLines(maildir.resolve(MaildirUidList.FILE), StandardCharsets.UTF_8);
        Set<Long> listedUids = new HashSet<>();
        Set<String> listedBases = new HashSet<>();
        Map<Long, String> baseByUid = new HashMap<>();
        for (String line : records.subList(1, records.size())) {
            long uid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            String b = line.substring(line.indexOf(" :") + 2);
            b = b.contains(":") ? b.substring(0, b.indexOf(':')) : b; // the record may carry the flags too
            assertTrue(listedUids.add(uid), "UID " + uid + " listed twice in dovecot-uidlist");
            assertTrue(listedBases.add(b), b + " listed twice in dovecot-uidlist");
            baseByUid.put(uid, b);
        }
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            String b = baseByUid.get(e.getKey());
            assertNotNull(b, "acknowledged UID " + e.getKey() + " is in dovecot-uidlist");
            assertEquals(e.getValue(), messageIdByBase.get(b), "UID " + e.getKey() + "'s file holds its message");
        }

        // The mailbox opens clean through the API (a fresh storage, as after a restart).
        Map<Long, TreeSet<String>> loftFlags = new LinkedHashMap<>();
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open(Doveadm.USER);
            assertEquals(validities.iterator().next(), mb.status("INBOX").uidValidity());
            try (MailboxView v = mb.open("INBOX", false)) {
                List<ViewMessage> all = v.messages(UidSet.all());
                assertEquals(messageIdByBase.size(), all.size(), "every complete file is a message, nothing else");
                Set<Long> uids = new HashSet<>();
                for (ViewMessage m : all) {
                    assertTrue(uids.add(m.uid()), "UID " + m.uid() + " twice in the view");
                    loftFlags.put(m.uid(), imapFlags(m.meta().flags()));
                }
                assertTrue(v.status().uidNext() > all.get(all.size() - 1).uid());
                for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                    assertTrue(uids.contains(e.getKey()), "acknowledged UID " + e.getKey() + " is present");
                    byte[] content;
                    try (var in = v.content(e.getKey()).open()) {
                        content = in.readAllBytes();
                    }
                    assertArrayEquals(message(e.getValue()), content, "content of UID " + e.getKey());
                }
            }
        }

        // And Dovecot reads the same UIDs and flags without complaint.
        assertEquals(loftFlags, dovecot.uidFlags("INBOX"), "Dovecot sees the same messages");
        assertEquals(List.of(), dovecot.complaints());
    }

    /**
     * A child killed while holding a dotlock ({@code dovecot-uidlist.lock}, ...) leaves it behind.
     * The lock names the dead child's pid, so the next child takes it over at once (no waiting for
     * the two-minute stale timeout, no ageing by the test). Returns how many there were.
     */
    private static int countLeftoverLocks(Path maildir) throws IOException {
        try (Stream<Path> s = Files.walk(maildir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".lock")).count();
        }
    }

    private static String locks(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".lock")).toList()) {
                sb.append(p).append(" = '").append(Files.readString(p, StandardCharsets.US_ASCII)).append("' ");
            }
        }
        return sb.toString();
    }

    private record Round(long uidValidity, Map<Long, String> done) {
    }

    /** Starts the child on the maildir, kills it {@code delayMillis} after it is ready, collects what it acknowledged. */
    private Round runAndKill(String location, int round, int delayMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = base.resolve("child-" + round + ".log");
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AppendKillTest.class.getName(), location,
                Integer.toString(round))
                .redirectError(log.toFile()).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ-ERROR " + e);
            }
            lines.add("EOF");
        });
        List<String> seen = new ArrayList<>();
        long validity = -1;
        try {
            String first = lines.poll(60, TimeUnit.SECONDS);
            if (first == null || !READY.matcher(first).matches()) {
                fail("round " + round + ": child not ready (" + first + "): " + Files.readString(log) + "; locks: "
                        + locks(base));
            }
            Matcher ready = READY.matcher(first);
            ready.matches();
            validity = Long.parseLong(ready.group(1));
            Thread.sleep(delayMillis);
            if (!child.isAlive()) {
                fail("round " + round + ": child ended by itself: " + Files.readString(log));
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        lines.drainTo(seen);
        assertTrue(seen.contains("EOF"), "the child's output was read to its end");
        Map<Long, String> done = new LinkedHashMap<>();
        for (String line : seen) {
            Matcher m = DONE.matcher(line);
            if (m.matches()) {
                done.put(Long.parseLong(m.group(1)), m.group(2));
            }
        }
        return new Round(validity, done);
    }

    /** The Message-ID of one of the test's messages, or null. */
    private static String messageId(byte[] content) {
        Matcher m = MESSAGE_ID.matcher(new String(content, StandardCharsets.US_ASCII));
        return m.find() ? m.group(1) : null;
    }

    /** The message with a given Message-ID: its size (a few hundred bytes to ~64 KiB) and body follow from it. */
    static byte[] message(String messageId) {
        int size = 200 + Math.floorMod(messageId.hashCode() * 7919, 64 * 1024);
        StringBuilder sb = new StringBuilder(size + 200)
                .append("From: crash@example.org\r\nTo: bob@example.org\r\nMessage-ID: ").append(messageId)
                .append("\r\nSubject: kill -9 ").append(messageId).append("\r\n\r\n");
        int seed = messageId.hashCode();
        while (sb.length() < size) {
            seed = seed * 1103515245 + 12345;
            sb.append((char) ('a' + Math.floorMod(seed >>> 8, 26)));
            if (sb.length() % 72 == 0) {
                sb.append("\r\n");
            }
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static TreeSet<String> imapFlags(Flags flags) {
        TreeSet<String> result = new TreeSet<>(flags.keywords());
        flags.system().forEach(f -> result.add(f.imapName()));
        return result;
    }

    /**
     * The child: opens the user's store through the storage core and appends forever, printing
     * {@code DONE <uid> <message-id>} only once {@code append} has returned. Every third message
     * is appended \Seen (so it goes to {@code cur/}).
     */
    public static void main(String[] args) throws Exception {
        String location = args[0];
        String round = args[1];
        long pid = ProcessHandle.current().pid();
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open(Doveadm.USER);
            System.out.println("READY " + mb.status("INBOX").uidValidity());
            System.out.flush();
            for (long i = 0; ; i++) {
                String id = "<r" + round + "." + i + "." + pid + "@kill.loftmail.org>";
                Flags flags = i % 3 == 2 ? Flags.of(Flag.SEEN) : Flags.NONE;
                long uid = mb.append("INBOX", List.of(new AppendRequest(MessageSource.of(message(id)), flags, null)))
                        .uids().get(0);
                System.out.println("DONE " + uid + " " + id);
                System.out.flush();
            }
        }
    }
}
