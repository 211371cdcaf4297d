package org.loftmail.storage.core.impl.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MimePart;

class MimeParserTest {

    private static String part(String msg, String number) throws IOException {
        byte[] b = msg.getBytes(StandardCharsets.ISO_8859_1);
        MimePart p = MimeParser.find(new ByteArrayInputStream(b), number).orElseThrow();
        return msg.substring((int) p.bodyStart(), (int) p.end());
    }

    @Test
    void handlesBareLfMessagesAndUnquotedBoundaries() throws IOException {
        String msg = "Content-Type: multipart/mixed; boundary=b1\n\n--b1\n\nA\n--b1\nContent-Type: text/plain\n\nB\nB2\n--b1--\n";
        assertEquals("A", part(msg, "1"));
        assertEquals("B\nB2", part(msg, "2"));
    }

    @Test
    void anEmptyPartHasAnEmptyBody() throws IOException {
        String msg = "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n\r\n--x--\r\n";
        assertEquals("", part(msg, "1"));
    }

    @Test
    void aMissingClosingBoundaryEndsAtTheEnd() throws IOException {
        String msg = "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\ntruncated";
        assertEquals("truncated", part(msg, "1"));
    }

    @Test
    void rootStopsAfterTheHeader() throws IOException {
        byte[] b = "Subject: s\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
        MimePart root = MimeParser.root(new ByteArrayInputStream(b), b.length);
        assertEquals(14, root.bodyStart());
        assertEquals(b.length, root.end());
        assertTrue(MimeParser.find(new ByteArrayInputStream(b), "2").isEmpty());
    }
}
