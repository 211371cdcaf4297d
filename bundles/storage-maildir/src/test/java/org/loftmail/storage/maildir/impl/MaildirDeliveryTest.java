package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaildirDeliveryTest {
    @TempDir
    Path mailbox;
    final MaildirDelivery delivery = new MaildirDelivery(UniqueNames.forThisProcess());

    @BeforeEach
    void maildir() throws IOException {
        MaildirFolders.ensureMaildir(mailbox);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # message (\\n and \\r written out)      | size | vsize
            Subject: a\\n\\nbody\\n                   | 17   | 20
            Subject: a\\r\\n\\r\\nbody\\r\\n          | 20   | 20
            ''                                       | 0    | 0
            mixed\\r\\nlines\\nend                    | 16   | 17
            """)
    void sizesGoIntoTheName(String message, long size, long vsize) throws IOException {
        byte[] bytes = message.replace("\\n", "\n").replace("\\r", "\r").getBytes(StandardCharsets.UTF_8);
        MaildirDelivery.Delivered d = delivery.deliver(mailbox, new ByteArrayInputStream(bytes),
                MaildirDelivery.Target.NEW, Set.of(), Set.of());
        assertEquals(size, d.size());
        assertEquals(vsize, d.vsize());
        assertEquals(size, d.name().size().orElseThrow());
        assertEquals(vsize, d.name().vsize().orElseThrow());
        assertEquals(mailbox.resolve("new").resolve(d.name().fileName()), d.path());
        assertArrayEquals(bytes, Files.readAllBytes(d.path()));
        assertEquals(0, count("tmp"));
    }

    @Test
    void flaggedMessagesGoToCurWithTheirLetters() throws IOException {
        MaildirDelivery.Delivered d = delivery.deliver(mailbox, new ByteArrayInputStream("x\n".getBytes()),
                MaildirDelivery.Target.CUR, EnumSet.of(MaildirFlag.SEEN, MaildirFlag.FLAGGED), Set.of(1));
        assertEquals(mailbox.resolve("cur"), d.path().getParent());
        assertTrue(d.path().getFileName().toString().endsWith(",S=2,W=3:2,FSb"), d.path().toString());
    }

    @Test
    void aTornWriteNeverAppearsInNewOrCur() throws IOException {
        InputStream breaksHalfway = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 10_000) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };
        IOException e = assertThrows(IOException.class, () -> delivery.deliver(mailbox, breaksHalfway,
                MaildirDelivery.Target.NEW, Set.of(), Set.of()));
        assertEquals("client went away", e.getMessage());
        assertEquals(0, count("new"));
        assertEquals(0, count("cur"));
        assertEquals(0, count("tmp"));
    }

    @Test
    void manyDeliveriesGetDistinctFiles() throws IOException {
        for (int i = 0; i < 200; i++) {
            delivery.deliver(mailbox, new ByteArrayInputStream(("m" + i).getBytes()),
                    MaildirDelivery.Target.NEW, Set.of(), Set.of());
        }
        assertEquals(200, count("new"));
    }

    private long count(String sub) throws IOException {
        try (Stream<Path> s = Files.list(mailbox.resolve(sub))) {
            return s.count();
        }
    }
}
