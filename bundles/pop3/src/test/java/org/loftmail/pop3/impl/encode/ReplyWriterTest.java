package org.loftmail.pop3.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response stream: what is written arrives whole, in pieces of at least 16 KiB. */
class ReplyWriterTest {

    @Test
    void outputIsHandedOnInPiecesOfAtLeast16KibAndNothingIsLost() {
        List<byte[]> pieces = new ArrayList<>();
        ReplyWriter out = new ReplyWriter(pieces::add);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            String line = i + " " + "w".repeat(i % 97);
            out.line(line);
            all.append(line).append("\r\n");
        }
        out.push();
        StringBuilder received = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i < pieces.size() - 1) {
                assertTrue(pieces.get(i).length >= 16 * 1024, "piece " + i + " has " + pieces.get(i).length);
            }
            received.append(new String(pieces.get(i), StandardCharsets.ISO_8859_1));
        }
        assertEquals(all.toString(), received.toString());
        assertEquals(all.length(), out.written());
    }
}
