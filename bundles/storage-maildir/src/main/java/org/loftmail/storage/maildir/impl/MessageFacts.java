package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What never changes about a message once it is in a maildir, as Dovecot derives it: INTERNALDATE
 * is the file's mtime, the save date the delivery time at the start of the base name, the sizes
 * the {@code ,S=} and {@code ,W=} fields (else the file's size, and a count of its bare LFs), the
 * GUID the uidlist's {@code G} extension (else the base name).
 */
record MessageFacts(Instant internalDate, Instant saveDate, long size, long vsize, String guid) {
    private static final Pattern DELIVERY_TIME = Pattern.compile("^(\\d{1,12})(?:\\.M(\\d{1,6}))?");

    /** Reads the facts of the file at {@code path}. */
    static MessageFacts of(Path path, MaildirFilename name, Optional<UidListEntry> entry) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        Instant mtime = a.lastModifiedTime().toInstant();
        long size = name.size().orElse(a.size());
        OptionalLong w = name.vsize().isPresent() ? name.vsize() : entry.flatMap(e -> optional(e.vsize())).orElse(
                OptionalLong.empty());
        long vsize = w.isPresent() ? w.getAsLong() : countVirtualSize(path);
        String guid = entry.flatMap(UidListEntry::guid).orElse(name.base());
        return new MessageFacts(mtime, deliveryTime(name.base()).orElse(mtime), size, vsize, guid);
    }

    private static Optional<OptionalLong> optional(OptionalLong v) {
        return v.isPresent() ? Optional.of(v) : Optional.empty();
    }

    /** The {@code <seconds>.M<microseconds>} a base name starts with. */
    static Optional<Instant> deliveryTime(String base) {
        Matcher m = DELIVERY_TIME.matcher(base);
        if (!m.find()) {
            return Optional.empty();
        }
        long micros = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)), micros * 1000));
    }

    private static long countVirtualSize(Path path) throws IOException {
        long size = 0;
        long bareLf = 0;
        int previous = -1;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' && previous != '\r') {
                        bareLf++;
                    }
                    previous = buf[i];
                }
                size += n;
            }
        }
        return size + bareLf;
    }
}
