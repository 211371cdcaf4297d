package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.imap.impl.search.Keys.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.request.SearchKey;

/** Body text is scanned in chunks: matches across chunk boundaries, large parts. */
class SearchStreamingTest {

    static final SearchScope SCOPE = new SearchScope(1, 1, null);

    static boolean matches(SearchKey key, byte[] message) throws StorageException {
        TestMessage m = new TestMessage(1, TestMessage.meta(1, Flags.NONE, 1, Instant.EPOCH, message.length), false,
                message);
        return SearchEvaluator.compile(key, null, SCOPE).matches(m);
    }

    static byte[] plain(String body) {
        return ("Subject: s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void needleAcrossChunkBoundaries() throws StorageException {
        for (int pad = 8170; pad < 8200; pad++) {
            byte[] m = plain("x".repeat(pad) + "Needle-Text" + "y".repeat(100));
            assertTrue(matches(body("needle-text"), m), "pad " + pad);
            assertFalse(matches(body("needle-texty-"), m), "pad " + pad);
        }
    }

    @Test
    void combiningMarkAndSurrogatePairAcrossChunkBoundaries() throws StorageException {
        for (int pad = 8185; pad < 8195; pad++) {
            // "é" written decomposed (e + U+0301) matches a precomposed search string and vice versa
            byte[] m = plain("x".repeat(pad) + "Cafe\u0301 \uD83D\uDE00 ok");
            assertTrue(matches(body("CAFÉ"), m), "pad " + pad);
            assertTrue(matches(body("é \uD83D\uDE00 OK"), m), "pad " + pad);
        }
    }

    @Test
    void severalNeedlesInOnePass() throws IOException {
        NeedleScanner s = new NeedleScanner(new String[] {CaseFold.fold("alpha"), CaseFold.fold("omega"),
            CaseFold.fold("header")}, new boolean[] {false, false, true});
        s.header("X-Alpha: header");
        assertFalse(s.found(0));
        assertTrue(s.found(2));
        s.body(new StringReader("ALPHA " + "-".repeat(20000) + " omeg"));
        assertTrue(s.found(0));
        assertFalse(s.found(1));
        assertFalse(s.done());
        s.body(new StringReader("a omega"));
        assertTrue(s.found(1));
        assertTrue(s.done());
    }

    @Test
    void largeAttachmentBeforeTheText() throws StorageException {
        byte[] binary = new byte[10 * 1024 * 1024];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + (i >> 8));
        }
        String attachment = Base64.getMimeEncoder().encodeToString(binary);
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(("Subject: big\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        m.writeBytes(attachment.getBytes(StandardCharsets.US_ASCII));
        m.writeBytes("\r\n--b\r\nContent-Type: text/plain\r\n\r\nthe words at the end\r\n--b--\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] message = m.toByteArray();
        assertTrue(matches(body("words at the END"), message));
        assertTrue(matches(text("application/octet-stream"), message));
        assertFalse(matches(body("not there"), message));
    }

    @Test
    void largeTextBody() throws StorageException {
        StringBuilder text = new StringBuilder(10 * 1024 * 1024);
        while (text.length() < 10 * 1024 * 1024) {
            text.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit. Änderung\r\n");
        }
        text.append("the last line\r\n");
        String b64 = Base64.getMimeEncoder().encodeToString(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        byte[] message = ("Subject: big\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertTrue(matches(body("THE LAST LINE"), message));
        assertTrue(matches(body("elit. änderung"), message));
        assertEquals(false, matches(body("the last line\r\nmore"), message));
    }
}
