package org.loftmail.pop3.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 1939 section 3: multi-line responses, byte-stuffing, CRLF; section 7: TOP. */
class MessageWriterTest {

    private static String write(String message, long lines) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ReplyWriter out = new ReplyWriter(sink::writeBytes);
        MessageWriter.write(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), out, lines);
        out.push();
        return sink.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void linesStartingWithADotAreStuffed() throws IOException {
        assertEquals("..first\r\nb\r\n..\r\n...x\r\na.b\r\n.\r\n", write(".first\r\nb\r\n.\r\n..x\r\na.b\r\n", -1));
    }

    @Test
    void bareLineFeedsBecomeCrlf() throws IOException {
        assertEquals("a\r\nb\r\n\r\n..c\r\n.\r\n", write("a\nb\r\n\n.c\n", -1));
    }

    @Test
    void aMissingFinalLineEndIsAdded() throws IOException {
        assertEquals("a\r\nb\r\n.\r\n", write("a\r\nb", -1));
        assertEquals(".\r\n", write("", -1));
    }

    @Test
    void topSendsHeaderEmptyLineAndNBodyLines() throws IOException {
        String m = "A: 1\r\nB: 2\r\n\r\nl1\r\nl2\r\nl3\r\n";
        assertEquals("A: 1\r\nB: 2\r\n\r\n.\r\n", write(m, 0));
        assertEquals("A: 1\r\nB: 2\r\n\r\nl1\r\nl2\r\n.\r\n", write(m, 2));
        assertEquals(m + ".\r\n", write(m, 10));
        assertEquals("A: 1\r\n\r\nl1\r\n.\r\n", write("A: 1\n\nl1\nl2\n", 1));
        assertEquals("A: 1\r\n.\r\n", write("A: 1\r\n", 0));
    }

    @Test
    void largeMessagesAcrossChunkBoundaries() throws IOException {
        StringBuilder m = new StringBuilder("Subject: big\n\n");
        StringBuilder expected = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; i < 5000; i++) {
            String line = (i % 3 == 0 ? "." : "") + "line " + i + " " + "z".repeat(i % 50);
            m.append(line).append(i % 2 == 0 ? "\n" : "\r\n");
            expected.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        assertEquals(expected + ".\r\n", write(m.toString(), -1));
    }

    @Test
    void statusLinesAndDataLines() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ReplyWriter out = new ReplyWriter(sink::writeBytes);
        out.ok("");
        out.ok("2 320");
        out.err("[IN-USE] locked");
        out.dataLine(".hidden");
        out.end();
        out.push();
        assertEquals("+OK\r\n+OK 2 320\r\n-ERR [IN-USE] locked\r\n..hidden\r\n.\r\n",
                sink.toString(StandardCharsets.UTF_8));
        assertEquals(sink.size(), out.written());
    }
}
