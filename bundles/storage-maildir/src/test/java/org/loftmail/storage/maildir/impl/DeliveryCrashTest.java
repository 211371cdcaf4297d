package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM delivers in a loop and is killed with SIGKILL at random points: every delivery
 * it reported done is there, complete, and no partial message is ever visible in new/.
 */
class DeliveryCrashTest {
    static final int SIZE = 256 * 1024;

    @TempDir
    Path mailbox;

    @Test
    void killedMidDeliveryLeavesOnlyCompleteMessages() throws Exception {
        MaildirFolders.ensureMaildir(mailbox);
        Random random = new Random(4);
        Set<String> acknowledged = new HashSet<>();
        for (int run = 0; run < 8; run++) {
            acknowledged.addAll(runAndKill(1 + random.nextInt(15)));
        }
        List<Path> visible;
        try (Stream<Path> s = Files.list(mailbox.resolve("new"))) {
            visible = s.toList();
        }
        Set<String> names = new HashSet<>();
        for (Path p : visible) {
            MaildirFilename name = MaildirFilename.parse(p.getFileName().toString());
            assertEquals(SIZE, Files.size(p), p + " is complete");
            assertEquals(SIZE, name.size().orElseThrow());
            names.add(p.getFileName().toString());
        }
        assertTrue(names.containsAll(acknowledged), "every acknowledged delivery survived");
        MaildirUidList uids = MaildirUidList.open(mailbox);
        assertEquals(visible.size(), MaildirScan.scan(mailbox, uids, true).size());
    }

    /** Starts the loop, waits for {@code deliveries} acknowledgements, kills it. */
    private Set<String> runAndKill(int deliveries) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DeliveryCrashTest.class.getName(), mailbox.toString()).redirectErrorStream(true).start();
        Set<String> done = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; done.size() < deliveries && (line = out.readLine()) != null; ) {
                if (line.startsWith("DONE ")) {
                    done.add(line.substring(5));
                }
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals(deliveries, done.size(), "the child delivered before it was killed");
        return done;
    }

    /** The child: delivers forever, printing each name only once deliver() has returned. */
    public static void main(String[] args) throws IOException {
        Path mailbox = Path.of(args[0]);
        MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());
        byte[] message = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            message[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        while (true) {
            MaildirDelivery.Delivered d = delivery.deliver(mailbox, new ByteArrayInputStream(message),
                    MaildirDelivery.Target.NEW, Set.of(), Set.of());
            System.out.println("DONE " + d.name().fileName());
            System.out.flush();
        }
    }
}
