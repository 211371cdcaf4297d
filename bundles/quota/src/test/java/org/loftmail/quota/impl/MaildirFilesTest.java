package org.loftmail.quota.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirFilesTest {

    @TempDir
    Path dir;

    @Test
    void header() {
        assertEquals("1073741824S,1000C", MaildirSizeFile.header(1073741824L, 1000));
        assertEquals("1048576S", MaildirSizeFile.header(1048576, 0));
        assertEquals("1000C", MaildirSizeFile.header(0, 1000));
        assertEquals("0S", MaildirSizeFile.header(0, 0));
    }

    @Test
    void parse() {
        Instant now = Instant.now();
        MaildirSizeFile.Contents c = MaildirSizeFile.parse("1073741824S,1000C\n12345 10\n-345 -2\n", 40, now);
        assertEquals(1073741824L, c.bytesLimit());
        assertEquals(1000, c.countLimit());
        assertEquals(new Usage(8, 12000), c.usage());
        assertEquals(2, c.valueLines());
        // Courier writes more blanks sometimes
        assertEquals(new Usage(3, 300), MaildirSizeFile.parse("1000S\n   300    3\n", 10, now).usage());
        assertNull(MaildirSizeFile.parse("1000S\n", 6, now), "no value line");
        assertNull(MaildirSizeFile.parse("1000S\n10 1", 10, now), "incomplete last line");
        assertNull(MaildirSizeFile.parse("1000S\nxx 1\n", 10, now), "garbage");
        assertNull(MaildirSizeFile.parse("", 0, now));
        // written by Dovecot 2.3's doveadm quota recalc over three messages of S=1000, 2000, 3000
        MaildirSizeFile.Contents dovecot = MaildirSizeFile.parse("1073741824S,1000C\n6000 3\n", 25, now);
        assertEquals(new Usage(3, 6000), dovecot.usage());
        assertEquals(1073741824L, dovecot.bytesLimit());
        assertEquals(1000, dovecot.countLimit());
    }

    @Test
    void rewriteThenAppend() throws Exception {
        Path file = dir.resolve("Maildir/maildirsize");
        assertFalse(MaildirSizeFile.append(file, new Usage(1, 10)), "append needs an existing file");
        assertTrue(MaildirSizeFile.rewrite(file, 1073741824L, 1000, new Usage(3, 4500)));
        assertEquals("1073741824S,1000C\n4500 3\n", Files.readString(file));
        assertTrue(MaildirSizeFile.append(file, new Usage(1, 1200)));
        assertTrue(MaildirSizeFile.append(file, new Usage(-2, -3000)));
        assertEquals("1073741824S,1000C\n4500 3\n1200 1\n-3000 -2\n", Files.readString(file));
        MaildirSizeFile.Contents c = MaildirSizeFile.read(file);
        assertEquals(new Usage(2, 2700), c.usage());
        assertFalse(Files.exists(dir.resolve("Maildir/maildirsize.lock")));
    }

    @Test
    void rewriteLeavesAFreshLockAlone() throws Exception {
        Path file = dir.resolve("maildirsize");
        Files.writeString(dir.resolve("maildirsize.lock"), "");
        assertFalse(MaildirSizeFile.rewrite(file, 0, 0, Usage.ZERO));
        Files.setLastModifiedTime(dir.resolve("maildirsize.lock"),
                FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        assertTrue(MaildirSizeFile.rewrite(file, 0, 0, Usage.ZERO), "a stale lock is removed");
        assertEquals("0S\n0 0\n", Files.readString(file));
    }

    @Test
    void whenToRecalculateAsDovecot() {
        Instant now = Instant.now();
        long limit = 1_000_000;
        String oneLine = "1000000S\n500 5\n";
        String deltas = "1000000S\n500 5\n100 1\n";
        Instant old = now.minus(Duration.ofMinutes(16));
        // under the limit: trusted, however old and however many deltas
        assertFalse(MaildirSizeFile.parse(deltas, deltas.length(), now).needsRecalculation(now, limit, 0));
        assertFalse(MaildirSizeFile.parse(deltas, deltas.length(), old).needsRecalculation(now, limit, 0));
        // over the limit: a fresh summary alone is trusted, deltas or age are not
        assertFalse(MaildirSizeFile.parse(oneLine, oneLine.length(), now).needsRecalculation(now, 400, 0));
        assertTrue(MaildirSizeFile.parse(oneLine, oneLine.length(), old).needsRecalculation(now, 400, 0));
        assertTrue(MaildirSizeFile.parse(deltas, deltas.length(), now).needsRecalculation(now, 550, 0));
        assertTrue(MaildirSizeFile.parse(deltas, deltas.length(), now).needsRecalculation(now, 0, 5));
        // 5120 bytes or more
        assertTrue(MaildirSizeFile.parse(deltas, 5120, now).needsRecalculation(now, limit, 0));
        assertFalse(MaildirSizeFile.parse(deltas, 5119, now).needsRecalculation(now, limit, 0));
        assertTrue(MaildirSizeFile.parse("0S\n-5 0\n", 8, now).needsRecalculation(now, 0, 0), "negative");
    }

    @Test
    void location() {
        assertEquals(Path.of("/home/bob/Maildir"), MaildirLocation.controlDir("maildir:~/Maildir", "bob", "/home/bob/"));
        assertEquals(Path.of("/var/mail/example.org/bob"),
                MaildirLocation.controlDir("maildir:/var/mail/%d/%n:INDEX=/idx/%u", "bob@example.org", null));
        assertEquals(Path.of("/ctl/bob@example.org"),
                MaildirLocation.controlDir("maildir:/m/%u:LAYOUT=fs:CONTROL=/ctl/%u", "bob@example.org", null));
        assertEquals(Path.of("/m/BOB/x:y"), MaildirLocation.controlDir("maildir:/m/%Un/x::y", "bob", null));
        assertEquals(Path.of("/h/b/Maildir"), MaildirLocation.controlDir("maildir:%h/Maildir", "b", "/h/b"));
        assertThrows(IllegalArgumentException.class, () -> MaildirLocation.controlDir("mbox:~/mail", "b", "/h"));
        assertThrows(IllegalArgumentException.class, () -> MaildirLocation.controlDir("maildir:~/Maildir", "b", null));
        assertThrows(IllegalArgumentException.class, () -> MaildirLocation.controlDir("maildir:/m/%z", "b", null));
    }
}
