package org.loftmail.storage.maildir.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.storage.core.impl.CoreHarness;
import org.loftmail.storage.maildir.impl.MaildirFilename;
import org.loftmail.storage.maildir.impl.MaildirFlag;
import org.loftmail.storage.maildir.impl.MaildirFolders;
import org.loftmail.storage.maildir.impl.MaildirStorageDriver;
import org.loftmail.storage.maildir.impl.MaildirUidList;
import org.loftmail.storage.maildir.impl.UniqueNames;

/**
 * A throwaway benchmark of the maildir driver through the storage API (not a test; run with
 * {@code bench.sh}). Prints the append rate for 4 KiB and 100 KiB messages (fsync included), then
 * for mailboxes of each size given (default 10000 and 100000): the first open after the files were
 * written (the core's index is built), a cold open (a new storage instance, as after a restart),
 * listing all flags cold (a new storage instance: open and {@code messages(all)}), a warm open
 * (second open in the same storage) and listing all flags ({@code messages(all)}) warm.
 *
 * <p>Arguments: {@code [workDir] [size...]}. The mailboxes are built by writing the message files
 * and {@code dovecot-uidlist} directly, without fsync.
 */
public final class MaildirBench {
    private static final int REPEATS = 5;

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("maildir-bench");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        Files.createDirectories(work);
        String location = "maildir:" + work.toAbsolutePath() + "/%u";
        System.out.println("work dir: " + work.toAbsolutePath() + ", java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cpus");
        try {
            appendRate(location, "append4k", 4 * 1024, 3_000, 2_000);
            appendRate(location, "append100k", 100 * 1024, 3_000, 1_000);
            double[] warmOpen = new double[sizes.size()];
            double[] flags = new double[sizes.size()];
            for (int i = 0; i < sizes.size(); i++) {
                double[] r = mailbox(work, location, sizes.get(i));
                warmOpen[i] = r[0];
                flags[i] = r[1];
            }
            for (int i = 1; i < sizes.size(); i++) {
                String ratio = sizes.get(i) / 1000 + "k/" + sizes.get(0) / 1000 + "k";
                System.out.printf(Locale.ROOT, "ratio %s warm open: %.2f%n", ratio, warmOpen[i] / warmOpen[0]);
                System.out.printf(Locale.ROOT, "ratio %s list all flags warm: %.2f%n", ratio, flags[i] / flags[0]);
            }
        } finally {
            if (args.length == 0) {
                delete(work);
            }
        }
    }

    /** Appends one message per call for {@code millis} (at least 20, at most {@code max}); prints msgs/s. */
    private static void appendRate(String location, String user, int size, long millis, int max) throws Exception {
        byte[] message = message(size, 0);
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open(user);
            for (int i = 0; i < 10; i++) { // warm-up
                mb.append("INBOX", List.of(AppendRequest.of(message)));
            }
            int n = 0;
            long start = System.nanoTime();
            long end = start + millis * 1_000_000L;
            while (n < max && (n < 20 || System.nanoTime() < end)) {
                mb.append("INBOX", List.of(AppendRequest.of(message)));
                n++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "append %d KiB: %.0f msgs/s (%d appends in %.2f s, fsync'd)%n",
                    size / 1024, n / secs, n, secs);
        }
    }

    /** Builds a mailbox of {@code count} messages and times the opens; returns {warm open ms, flag list ms}. */
    private static double[] mailbox(Path work, String location, int count) throws Exception {
        String user = "box" + count;
        Path dir = work.resolve(user);
        long t0 = System.nanoTime();
        build(dir, count);
        System.out.printf(Locale.ROOT, "%dk: built %d files and dovecot-uidlist in %.1f s%n", count / 1000, count,
                (System.nanoTime() - t0) / 1e9);
        Thread.sleep(2_500); // the driver does not trust directory stamps younger than two seconds
        String label = count / 1000 + "k";
        try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
            UserMailboxes mb = h.open(user);
            long t = System.nanoTime();
            int n = openAndClose(mb);
            System.out.printf(Locale.ROOT, "%s first open (core index built from the files): %.1f ms (%d msgs)%n",
                    label, ms(t), n);
        }
        double cold = Double.MAX_VALUE;
        double coldFlags = Double.MAX_VALUE;
        double warm = Double.MAX_VALUE;
        double flags = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
                UserMailboxes mb = h.open(user);
                long t = System.nanoTime();
                openAndClose(mb);
                cold = Math.min(cold, ms(t));
                t = System.nanoTime();
                try (MailboxView v = mb.open("INBOX", false)) {
                    warm = Math.min(warm, ms(t));
                    for (int k = 0; k < 3; k++) {
                        t = System.nanoTime();
                        List<ViewMessage> all = v.messages(UidSet.all());
                        flags = Math.min(flags, ms(t));
                        if (all.size() != count) {
                            throw new IllegalStateException(all.size() + " messages, expected " + count);
                        }
                    }
                }
            }
            try (CoreHarness h = new CoreHarness("maildir", new MaildirStorageDriver(), location)) {
                UserMailboxes mb = h.open(user);
                long t = System.nanoTime();
                try (MailboxView v = mb.open("INBOX", false)) {
                    if (v.messages(UidSet.all()).size() != count) {
                        throw new IllegalStateException("messages missing");
                    }
                }
                coldFlags = Math.min(coldFlags, ms(t));
            }
        }
        System.out.printf(Locale.ROOT, "%s cold open (new storage instance): %.1f ms%n", label, cold);
        System.out.printf(Locale.ROOT, "%s list all flags cold (new storage: open + messages(all)): %.1f ms%n", label,
                coldFlags);
        System.out.printf(Locale.ROOT, "%s warm open (second open, same storage): %.1f ms%n", label, warm);
        System.out.printf(Locale.ROOT, "%s list all flags warm (messages(all)): %.1f ms%n", label, flags);
        return new double[] {warm, flags};
    }

    private static int openAndClose(UserMailboxes mb) throws Exception {
        try (MailboxView v = mb.open("INBOX", false)) {
            return v.size();
        }
    }

    /** Writes {@code count} small messages (every other one \Seen) into cur/ and gives them UIDs, no fsync. */
    private static void build(Path dir, int count) throws IOException {
        MaildirFolders.ensureMaildir(dir);
        UniqueNames names = UniqueNames.forThisProcess();
        List<MaildirUidList.NewRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] content = message(600, i);
            String base = names.next(content.length, content.length);
            MaildirFilename name = MaildirFilename.of(base, i % 2 == 0 ? Set.of(MaildirFlag.SEEN) : Set.of(), Set.of());
            Files.write(dir.resolve("cur").resolve(name.fileName()), content);
            records.add(new MaildirUidList.NewRecord(base));
        }
        try (MaildirUidList uids = MaildirUidList.open(dir)) {
            uids.append(records);
        }
    }

    /** A message of exactly {@code size} octets with CRLF line ends. */
    private static byte[] message(int size, int n) {
        StringBuilder sb = new StringBuilder(size + 80).append("From: bench@example.org\r\nTo: bob@example.org\r\n")
                .append("Subject: bench ").append(n).append("\r\n\r\n");
        while (sb.length() < size - 2) {
            sb.append((sb.length() % 72 == 70) ? "\r\n" : "x");
        }
        while (sb.length() < size) {
            sb.append(sb.length() == size - 2 ? '\r' : '\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
