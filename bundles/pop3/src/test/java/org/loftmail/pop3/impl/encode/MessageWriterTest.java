package org.loftmail.pop3.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 1939 section 3: multi-line responses, byte-stuffing, CRLF; section 7: TOP. */
class MessageWriterTest {

    /** The chunk the writer reads at a time. */
    private static final int CHUNK = 8192;

    private final MessageWriter writer = new MessageWriter();

    private String write(String message, long lines) throws IOException {
        return write(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), lines);
    }

    private String write(InputStream in, long lines) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ReplyWriter out = new ReplyWriter(sink::writeBytes);
        long size = writer.write(in, out, lines);
        out.push();
        String written = sink.toString(StandardCharsets.ISO_8859_1);
        assertEquals(written.length() - 3, size, "the size returned leaves out only the terminating line");
        return written;
    }

    /** A stream that hands out at most {@code step} bytes per read, as a file or socket may. */
    private static InputStream trickle(String message, int step) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    /** What RETR must send for {@code message}, computed line by line as RFC 1939 says. */
    private static String expected(String message) {
        StringBuilder out = new StringBuilder();
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            boolean last = i == lines.length - 1;
            if (last && text.isEmpty()) {
                break; // the message ended with a line end
            }
            if (!last && text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            // a final line without LF gets CRLF after whatever it ends with, a CR too (as Dovecot)
            out.append(text.startsWith(".") ? "." : "").append(text).append("\r\n");
        }
        return out + ".\r\n";
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

    @Test
    void aDotRightAfterAChunkBoundaryIsStuffed() throws IOException {
        String first = "x".repeat(CHUNK - 1) + "\n";
        assertEquals("x".repeat(CHUNK - 1) + "\r\n..dot\r\n.\r\n", write(first + ".dot\n", -1));
        // the line end and the dot in the same chunk, the next line in the next chunk
        String second = "y".repeat(CHUNK - 2) + "\n.";
        assertEquals("y".repeat(CHUNK - 2) + "\r\n..z\r\n.\r\n", write(second + "z\n", -1));
    }

    @Test
    void aDotInsideALineAtAChunkBoundaryIsNotStuffed() throws IOException {
        String m = "a".repeat(CHUNK - 1) + ".b\n";
        assertEquals("a".repeat(CHUNK - 1) + ".b\r\n.\r\n", write(m, -1));
    }

    @Test
    void crAndLfSplitByAChunkBoundaryStayOneLineEnd() throws IOException {
        String m = "c".repeat(CHUNK - 1) + "\r\nnext\r\n";
        assertEquals(m + ".\r\n", write(m, -1));
    }

    @Test
    void aBareLfAtTheStartOfAChunkGetsItsCr() throws IOException {
        String m = "d".repeat(CHUNK) + "\n\n.e";
        assertEquals("d".repeat(CHUNK) + "\r\n\r\n..e\r\n.\r\n", write(m, -1));
    }

    @Test
    void bareCrIsKeptAsItIs() throws IOException {
        assertEquals("a\rb\r\n\r\r\n.\r\n", write("a\rb\n\r\r\n", -1));
    }

    @Test
    void everyReadSizeGivesTheSameOutput() throws IOException {
        String m = "Subject: s\n\n.a\r\n\n..b\nc.\r\n.\n\r\n.\r\nend";
        for (int step = 1; step <= m.length(); step++) {
            assertEquals(expected(m), write(trickle(m, step), -1), "reads of " + step);
        }
    }

    @Test
    void topCountsLinesAcrossChunkBoundaries() throws IOException {
        String m = "A: 1\r\n\r\n.l1\nl2\r\nl3\n";
        for (int step = 1; step <= m.length(); step++) {
            assertEquals("A: 1\r\n\r\n..l1\r\nl2\r\n.\r\n", write(trickle(m, step), 2), "reads of " + step);
            assertEquals("A: 1\r\n\r\n.\r\n", write(trickle(m, step), 0), "reads of " + step);
        }
    }

    @Test
    void topTakesALineOfOnlyCrsAsTheEndOfTheHeader() throws IOException {
        assertEquals("A: 1\r\n\r\r\nb1\r\n.\r\n", write("A: 1\n\r\r\nb1\nb2\n", 1));
    }

    @Test
    void theWriterIsReusedFromMessageToMessage() throws IOException {
        assertEquals("A: 1\r\n\r\n.\r\n", write("A: 1\n\nbody\n", 0));
        assertEquals("no end\r\n.\r\n", write("no end", -1));
        assertEquals("..x\r\n.\r\n", write(".x\n", -1));
    }

    @Test
    void randomMessagesAgainstTheLineByLineRule() throws IOException {
        java.util.Random random = new java.util.Random(1939);
        byte[] alphabet = {'.', '\r', '\n', 'a', ' '};
        for (int round = 0; round < 300; round++) {
            StringBuilder m = new StringBuilder();
            int length = random.nextInt(3 * CHUNK);
            for (int i = 0; i < length; i++) {
                m.append((char) alphabet[random.nextInt(alphabet.length)]);
            }
            String message = m.toString();
            int step = 1 + random.nextInt(CHUNK + 100);
            assertEquals(expected(message), write(trickle(message, step), -1), "round " + round);
        }
    }
}
