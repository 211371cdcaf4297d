package org.loftmail.quota.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * The Maildir++ quota file {@code maildirsize} as Courier and Dovecot write it: a first line with
 * the limits, {@code <bytes>S,<count>C} (either part left out when unlimited; {@code 0S} when
 * both are), then lines {@code <bytes> <count>} whose sums are the usage: the first written by a
 * recalculation, one more appended (with {@code O_APPEND}, one write) for every change, negative
 * for removals. A rewrite goes through {@code maildirsize.lock}, created exclusively as Dovecot's
 * dotlock does, then renamed over the file.
 */
final class MaildirSizeFile {

    static final String NAME = "maildirsize";
    /** Courier's and Dovecot's limit: a file this large or larger is recalculated. */
    static final long MAX_SIZE = 5120;
    /** An over-quota file older than this is recalculated (Dovecot). */
    static final Duration STALE = Duration.ofMinutes(15);
    /** A lock older than this is left behind by a crash and is removed. */
    static final Duration STALE_LOCK = Duration.ofSeconds(30);

    /**
     * A file that parsed.
     *
     * @param bytesLimit the storage limit of the first line, 0 for none
     * @param countLimit the message limit of the first line, 0 for none
     * @param usage the sums of the value lines
     * @param valueLines how many value lines there are
     * @param size the file's size
     * @param modified its modification time
     */
    record Contents(long bytesLimit, long countLimit, Usage usage, int valueLines, long size, Instant modified) {

        /**
         * Whether Dovecot 2.3 would recalculate it (checked against doveadm 2.3): when it is 5120
         * bytes or larger, when a sum is negative, and when the usage is over a limit while the
         * file has more than the one summary line or is older than 15 minutes. Under the limits
         * an old file with deltas is trusted.
         */
        boolean needsRecalculation(Instant now, long bytesLimit, long countLimit) {
            if (size >= MAX_SIZE || usage.bytes() < 0 || usage.count() < 0) {
                return true;
            }
            boolean over = (bytesLimit > 0 && usage.bytes() > bytesLimit)
                    || (countLimit > 0 && usage.count() > countLimit);
            boolean stale = modified.plus(STALE).isBefore(now);
            return over && (valueLines > 1 || stale);
        }
    }

    private MaildirSizeFile() {
    }

    /** The file parsed; {@code null} when it is missing or broken (then it must be recalculated). */
    static Contents read(Path file) throws IOException {
        byte[] data;
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        return parse(new String(data, StandardCharsets.US_ASCII), data.length, attrs.lastModifiedTime().toInstant());
    }

    static Contents parse(String text, long size, Instant modified) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            return null; // empty, or a line being written: Dovecot treats it as broken
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        long bytesLimit = 0;
        long countLimit = 0;
        for (String part : lines[0].split(",")) {
            String p = part.trim();
            if (p.length() < 2) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(p.substring(0, p.length() - 1));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (p.charAt(p.length() - 1)) {
                case 'S' -> bytesLimit = Math.max(0, value);
                case 'C' -> countLimit = Math.max(0, value);
                default -> {
                }
            }
        }
        long bytes = 0;
        long count = 0;
        int n = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 2) {
                return null;
            }
            try {
                bytes += Long.parseLong(f[0]);
                count += Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                return null;
            }
            n++;
        }
        if (n == 0) {
            return null;
        }
        return new Contents(bytesLimit, countLimit, new Usage(count, bytes), n, size, modified);
    }

    /** The first line, as Dovecot writes it. */
    static String header(long bytesLimit, long countLimit) {
        StringBuilder sb = new StringBuilder();
        if (bytesLimit > 0 || countLimit <= 0) {
            sb.append(Math.max(0, bytesLimit)).append('S');
        }
        if (countLimit > 0) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(countLimit).append('C');
        }
        return sb.toString();
    }

    /** Appends one delta line to an existing file; false when there is no file (it must be rewritten). */
    static boolean append(Path file, Usage delta) throws IOException {
        byte[] line = (delta.bytes() + " " + delta.count() + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Writes the file anew (limits and one line of usage) through {@code maildirsize.lock};
     * false when someone else holds the lock (their file will do).
     */
    static boolean rewrite(Path file, long bytesLimit, long countLimit, Usage usage) throws IOException {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        String content = header(bytesLimit, countLimit) + "\n" + usage.bytes() + " " + usage.count() + "\n";
        Files.createDirectories(file.getParent());
        FileChannel opened;
        try {
            opened = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            try {
                Instant m = Files.getLastModifiedTime(lock).toInstant();
                if (m.plus(STALE_LOCK).isAfter(Instant.now())) {
                    return false;
                }
                Files.deleteIfExists(lock);
                opened = FileChannel.open(lock, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (NoSuchFileException | FileAlreadyExistsException again) {
                return false;
            }
        }
        try {
            try (FileChannel ch = opened) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(lock, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(lock);
            throw e;
        }
    }
}
