package org.loftmail.imap.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FETCH of index data only (FLAGS, UID, RFC822.SIZE, MODSEQ) is written by its own quick path;
 * its lines must be exactly what the general path writes, which answers the same request with
 * INTERNALDATE added (then taken out of the line here).
 */
class MetadataFetchTest {

    private final ImapTester imap = new ImapTester();

    @AfterEach
    void close() {
        imap.close();
    }

    private static void append(ImapTester.Client c, String flags) {
        String m = "Subject: x\r\n\r\nbody\r\n";
        c.send("a APPEND INBOX " + flags + " {" + m.length() + "}\r\n" + m);
    }

    private static List<String> generalPath(ImapTester.Client c, String command) {
        String forced = command.replace(")", " INTERNALDATE)");
        return c.send("g " + forced).stream().map(l -> l.replaceAll(" INTERNALDATE \"[^\"]*\"", ""))
                .map(l -> l.startsWith("g ") ? "t" + l.substring(1) : l).toList();
    }

    private static void sameAsGeneralPath(ImapTester.Client c, String command) {
        List<String> quick = c.send("t " + command);
        assertEquals(generalPath(c, command), quick, command);
        assertEquals(true, quick.size() > 1, command);
    }

    @Test
    void quickLinesEqualTheGeneralOnes() {
        ImapTester.Client c = imap.connect().login("fred");
        append(c, "()");
        append(c, "(\\Seen)");
        append(c, "(\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
        append(c, "(\\Seen $Forwarded zeta alpha)");
        append(c, "(\\Seen)");
        c.send("s SELECT INBOX");
        ImapTester.Client other = imap.connect().login("fred");
        append(other, "(\\Flagged)"); // \Recent for c after its next sync
        c.send("n NOOP");
        List<String> commands = List.of("FETCH 1:* (FLAGS)", "UID FETCH 1:* (FLAGS)", "FETCH 1:* (FLAGS UID)",
                "UID FETCH 2:4 (UID FLAGS)", "FETCH 1:* (RFC822.SIZE FLAGS)", "FETCH 1:* (MODSEQ)",
                "UID FETCH 1:* (FLAGS MODSEQ RFC822.SIZE)", "FETCH 3,5 (UID RFC822.SIZE)");
        for (String command : commands) {
            sameAsGeneralPath(c, command);
        }
        c.send("e ENABLE CONDSTORE");
        for (String command : commands) {
            sameAsGeneralPath(c, command);
        }
        c.send("q ENABLE QRESYNC");
        for (String command : commands) {
            sameAsGeneralPath(c, command);
        }
    }
}
