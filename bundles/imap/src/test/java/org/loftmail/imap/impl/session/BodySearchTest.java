package org.loftmail.imap.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 3501 6.4.4 BODY and TEXT over a mailbox large enough that several threads share the work:
 * the answer is the same set, in order, as one message at a time would give.
 */
class BodySearchTest {

    private final ImapTester imap = new ImapTester();

    @AfterEach
    void close() {
        imap.close();
    }

    @Test
    void bodyAndTextSearchOverManyMessagesFindExactlyTheMatches() {
        ImapTester.Client c = imap.connect().login("fred");
        List<String> withWord = new ArrayList<>();
        List<String> withSubjectWord = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            boolean inBody = n % 7 == 0;
            boolean inSubject = n % 11 == 0;
            String m = "From: a@example.org\r\nSubject: " + (inSubject ? "Quokka news " : "news ") + n
                    + "\r\n\r\nline one\r\n" + (inBody ? "a QUOKKA was seen\r\n" : "nothing here\r\n");
            c.send("a APPEND INBOX {" + m.length() + "}\r\n" + m);
            if (inBody) {
                withWord.add(Integer.toString(n));
            }
            if (inBody || inSubject) {
                withSubjectWord.add(Integer.toString(n));
            }
        }
        c.send("s SELECT INBOX");
        assertEquals("* SEARCH " + String.join(" ", withWord), c.send("b SEARCH BODY quokka").get(0));
        assertEquals("* SEARCH " + String.join(" ", withSubjectWord), c.send("t SEARCH TEXT quokka").get(0));
        assertEquals("* SEARCH", c.send("n SEARCH BODY wombat").get(0));
    }
}
