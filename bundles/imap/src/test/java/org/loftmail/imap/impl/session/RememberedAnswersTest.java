package org.loftmail.imap.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Repeated SORT and THREAD commands answer from memory only while the messages asked about are the same. */
class RememberedAnswersTest {

    private final ImapTester imap = new ImapTester();

    @AfterEach
    void close() {
        imap.close();
    }

    private static String message(int n, String subject, String inReplyTo) {
        return "From: a@example.org\r\nSubject: " + subject + "\r\nMessage-ID: <" + n + "@example.org>\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + "@example.org>\r\n")
                + "Date: Mon, " + n + " Jan 2024 10:00:00 +0000\r\n\r\nbody\r\n";
    }

    private static void append(ImapTester.Client c, String m) {
        c.send("a APPEND INBOX {" + m.length() + "}\r\n" + m);
    }

    private static String thread(ImapTester.Client c, String command) {
        List<String> lines = c.send("t " + command);
        assertEquals("t OK Thread completed.", lines.get(lines.size() - 1), lines.toString());
        return lines.get(0);
    }

    private static String sort(ImapTester.Client c, String command) {
        List<String> lines = c.send("t " + command);
        assertEquals("t OK Sort completed.", lines.get(lines.size() - 1), lines.toString());
        return lines.get(0);
    }

    @Test
    void sortAnswersFollowTheMailboxAndTheCriteria() {
        ImapTester.Client c = imap.connect().login("fred");
        append(c, message(3, "b", null));
        append(c, message(1, "c", null));
        append(c, message(2, "a", null));
        c.send("s SELECT INBOX");
        assertEquals("* SORT 2 3 1", sort(c, "UID SORT (DATE) UTF-8 ALL"));
        assertEquals("* SORT 2 3 1", sort(c, "UID SORT (DATE) UTF-8 ALL"));
        assertEquals("* SORT 1 3 2", sort(c, "UID SORT (REVERSE DATE) UTF-8 ALL"));
        assertEquals("* SORT 3 1 2", sort(c, "UID SORT (SUBJECT) UTF-8 ALL"));
        c.send("d STORE 2 +FLAGS (\\Deleted)");
        c.send("e EXPUNGE");
        append(c, message(4, "0", null));
        c.send("n NOOP");
        assertEquals("* SORT 4 3 1", sort(c, "UID SORT (SUBJECT) UTF-8 ALL"));
        assertEquals("* SORT 3 2 1", sort(c, "SORT (SUBJECT) UTF-8 ALL"), "sequence numbers now");
        assertEquals("* SORT 3 1", sort(c, "UID SORT (SUBJECT) UTF-8 UID 1:3"));
    }

    @Test
    void answersFollowTheMailbox() {
        ImapTester.Client c = imap.connect().login("fred");
        append(c, message(1, "one", null));
        append(c, message(2, "two", null));
        append(c, message(3, "Re: one", "1"));
        c.send("s SELECT INBOX");
        assertEquals("* THREAD (1 3)(2)", thread(c, "UID THREAD REFERENCES UTF-8 ALL"));
        assertEquals("* THREAD (1 3)(2)", thread(c, "UID THREAD REFERENCES UTF-8 ALL"));
        assertEquals("* THREAD (1 3)(2)", thread(c, "UID THREAD ORDEREDSUBJECT UTF-8 ALL"));
        c.send("d STORE 1 +FLAGS (\\Deleted)");
        c.send("e EXPUNGE");
        append(c, message(4, "Re: two", "2"));
        c.send("n NOOP");
        assertEquals("* THREAD (2 4)(3)", thread(c, "UID THREAD REFERENCES UTF-8 ALL"));
        assertEquals("* THREAD (1 3)(2)", thread(c, "THREAD REFERENCES UTF-8 ALL"));
        assertEquals("* THREAD (2 4)", thread(c, "UID THREAD REFERENCES UTF-8 UID 2:4 NOT UID 3"));
    }
}
