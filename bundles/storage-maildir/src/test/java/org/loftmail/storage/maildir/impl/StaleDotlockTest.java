package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * A dotlock left by a process killed while holding it is taken over at once when its
 * {@code <pid>:<host>} names a dead process on this host; a live owner, another host or a lock
 * without a pid still waits for the stale timeout (Dovecot's rules).
 */
class StaleDotlockTest {
    @TempDir
    Path base;

    @Test
    void lockNamesThisProcessAsDovecotDoes() throws Exception {
        Path target = base.resolve("dovecot-uidlist");
        try (Dotlock lock = Dotlock.acquire(target)) {
            String content = Files.readString(Dotlock.lockPath(target), StandardCharsets.US_ASCII);
            assertEquals(ProcessHandle.current().pid() + ":" + hostName(), content);
        }
    }

    @Test
    void lockOfAChildKilledWithSigkillIsTakenOverAtOnce() throws Exception {
        String location = "maildir:" + base.resolve("mail") + "/%u";
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            h.open("kim").append("INBOX", List.of(AppendRequest.of(message(0)))); // creates the maildir
        }
        Path uidlist = base.resolve("mail/kim").resolve(MaildirUidList.FILE);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StaleDotlockTest.class.getName(), uidlist.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("LOCKED", out.readLine(), "the child holds the lock");
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        Path lock = Dotlock.lockPath(uidlist);
        assertTrue(Files.exists(lock), "the killed child left its lock");
        assertEquals(child.pid() + ":" + hostName(), Files.readString(lock, StandardCharsets.US_ASCII));

        long start = System.nanoTime();
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open("kim");
            mb.append("INBOX", List.of(AppendRequest.of(message(1))));
            assertEquals(2, mb.status("INBOX").messages());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 1_500, "the new session appended after " + millis + " ms");
        assertTrue(Files.notExists(lock));
    }

    @Test
    void lockOfALiveProcessWaits() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertHeld(sleeper.pid() + ":" + hostName());
        } finally {
            sleeper.destroyForcibly();
        }
        Path target = base.resolve("ours");
        try (Dotlock mine = Dotlock.acquire(target)) { // held by (another thread of) this JVM
            assertThrows(Dotlock.LockTimeoutException.class,
                    () -> Dotlock.acquire(target, Duration.ofMinutes(2), Duration.ofMillis(300)));
        }
    }

    @Test
    void lockWithOurPidThatThisJvmDoesNotHoldIsFromAnEarlierProcess() throws Exception {
        // a restarted container's JVM often gets the pid of the one that was killed
        Path target = base.resolve("restarted");
        Files.writeString(Dotlock.lockPath(target), ProcessHandle.current().pid() + ":" + hostName(),
                StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        try (Dotlock lock = Dotlock.acquire(target, Duration.ofMinutes(2), Duration.ofSeconds(5))) {
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000);
        }
        assertTrue(Files.notExists(Dotlock.lockPath(target)));
    }

    @Test
    void lockOfAnotherHostOrWithoutPidWaits() throws Exception {
        long dead = deadPid();
        assertHeld(dead + ":" + hostName() + ".elsewhere");
        assertHeld("");
        assertHeld("3 V1 N1\n"); // uidlist content, as older Loft versions left in the lock
    }

    private void assertHeld(String content) throws Exception {
        Path target = base.resolve("held");
        Path lock = Dotlock.lockPath(target);
        Files.writeString(lock, content, StandardCharsets.US_ASCII);
        assertThrows(Dotlock.LockTimeoutException.class,
                () -> Dotlock.acquire(target, Duration.ofMinutes(2), Duration.ofMillis(300)), content);
        assertTrue(Files.exists(lock), "left alone: " + content);
        Files.delete(lock);
    }

    /** A pid that no process has: one of a child that ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static String hostName() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    private static byte[] message(int n) {
        return ("From: a@example.org\r\nSubject: " + n + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The child: takes the lock, says so and waits to be killed. */
    public static void main(String[] args) throws Exception {
        Dotlock lock = Dotlock.acquire(Path.of(args[0]));
        System.out.println("LOCKED");
        System.out.flush();
        Thread.sleep(60_000);
        lock.close();
    }
}
