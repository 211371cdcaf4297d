package org.loftmail.imap.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 3501 end to end through one session: login, mailboxes, append, select, fetch, store, expunge. */
class Rfc3501SessionTest {

    private final ImapTester imap = new ImapTester();

    @AfterEach
    void close() {
        imap.close();
    }

    private static final String MSG = "From: Fred Foobar <foobar@Blurdybloop.example>\r\n"
            + "Subject: afternoon meeting\r\n"
            + "To: mooch@owatagu.siam.edu.example\r\n"
            + "Message-Id: <B27397-0100000@Blurdybloop.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
            + "\r\n"
            + "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";

    @Test
    void sixTwoThreeLoginAndSixOneThreeLogout() {
        ImapTester.Client c = imap.connect();
        assertEquals("a1 NO [AUTHENTICATIONFAILED] Authentication failed.", last(c.send("a1 LOGIN fred wrong")));
        assertTrue(last(c.send("a2 LOGIN fred secret")).startsWith("a2 OK [CAPABILITY IMAP4rev1 "));
        assertEquals(List.of("* BYE Logging out", "a3 OK Logout completed."), c.send("a3 LOGOUT"));
        assertTrue(c.isClosed());
    }

    @Test
    void commandsInTheWrongStateAreBad() {
        ImapTester.Client c = imap.connect();
        assertEquals("a1 BAD Error in IMAP command SELECT: Not authenticated.", last(c.send("a1 SELECT INBOX")));
        c.login("fred");
        assertEquals("a2 BAD Error in IMAP command FETCH: No mailbox selected.", last(c.send("a2 FETCH 1 FLAGS")));
        assertTrue(last(c.send("a3 FOO")).startsWith("a3 BAD "));
    }

    @Test
    void appendSelectFetchStoreExpunge() {
        ImapTester.Client c = imap.connect().login("fred");
        List<String> append = c.send("A003 APPEND INBOX (\\Seen) {" + MSG.length() + "}\r\n" + MSG);
        assertTrue(last(append).matches("A003 OK \\[APPENDUID \\d+ 1] Append completed."), append.toString());
        List<String> select = c.send("A142 SELECT INBOX");
        assertEquals("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", select.get(0));
        assertTrue(select.contains("* 1 EXISTS"), select.toString());
        assertTrue(select.contains("* 1 RECENT"), select.toString());
        assertEquals("A142 OK [READ-WRITE] Select completed.", last(select));
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Seen \\Recent) RFC822.SIZE " + MSG.length() + ")",
                "A4 OK Fetch completed."), c.send("A4 FETCH 1 (FLAGS RFC822.SIZE)"));
        List<String> env = c.send("A5 FETCH 1 ENVELOPE");
        assertTrue(env.get(0).startsWith("* 1 FETCH (ENVELOPE (NIL \"afternoon meeting\" ((\"Fred Foobar\" NIL "
                + "\"foobar\" \"Blurdybloop.example\"))"), env.toString());
        assertEquals(List.of("* 1 FETCH (UID 1 BODY[HEADER.FIELDS (SUBJECT)] {30}",
                "Subject: afternoon meeting", "", ")", "A6 OK Fetch completed."),
                c.send("A6 UID FETCH 1 BODY.PEEK[HEADER.FIELDS (Subject)]"));
        assertEquals(List.of("* 1 FETCH (BODY[TEXT]<6> {5}", "Joe, )", "A7 OK Fetch completed."),
                c.send("A7 FETCH 1 BODY[TEXT]<6.5>"));
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Deleted \\Seen \\Recent))", "A8 OK Store completed."),
                c.send("A8 STORE 1 +FLAGS (\\Deleted)"));
        assertEquals(List.of("* 1 EXPUNGE", "A9 OK Expunge completed."), c.send("A9 EXPUNGE"));
    }

    @Test
    void bodyFetchSetsSeenAndPeekDoesNot() {
        ImapTester.Client c = imap.connect().login("fred");
        c.send("a APPEND INBOX {" + MSG.length() + "}\r\n" + MSG);
        c.send("b SELECT INBOX");
        List<String> peek = c.send("c FETCH 1 BODY.PEEK[1]");
        assertEquals("* 1 FETCH (BODY[1] {55}", peek.get(0));
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent))", "d OK Fetch completed."), c.send("d FETCH 1 FLAGS"));
        List<String> body = c.send("e FETCH 1 BODY[1]");
        assertEquals("* 1 FETCH (FLAGS (\\Seen \\Recent) BODY[1] {55}", body.get(0), "the new flags come first");
    }

    @Test
    void anotherSessionsAppendIsAnnouncedAtNoopAndDuringIdle() throws Exception {
        ImapTester.Client a = imap.connect().login("fred");
        ImapTester.Client b = imap.connect().login("fred");
        a.send("s SELECT INBOX");
        b.send("x APPEND INBOX {" + MSG.length() + "}\r\n" + MSG);
        assertEquals(List.of("* 1 EXISTS", "* 1 RECENT", "n OK NOOP completed."), a.send("n NOOP"));
        assertEquals(List.of("+ idling"), a.send("i IDLE"));
        b.send("y APPEND INBOX {" + MSG.length() + "}\r\n" + MSG);
        List<String> pushed = List.of();
        for (int i = 0; i < 100 && pushed.isEmpty(); i++) {
            Thread.sleep(10);
            pushed = a.take();
        }
        assertEquals(List.of("* 2 EXISTS", "* 2 RECENT"), pushed);
        assertEquals(List.of("i OK Idle completed."), a.send("DONE"));
    }

    @Test
    void copiedMessagesAreRecentInTheTarget() {
        ImapTester.Client c = imap.connect().login("fred");
        c.send("a CREATE target");
        c.send("b APPEND INBOX {" + MSG.length() + "}\r\n" + MSG);
        c.send("c SELECT INBOX");
        assertTrue(last(c.send("d COPY 1 target")).startsWith("d OK [COPYUID "));
        List<String> select = c.send("e SELECT target");
        assertTrue(select.contains("* 1 RECENT"), select.toString());
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent))", "f OK Fetch completed."), c.send("f FETCH 1 FLAGS"));
    }

    @Test
    void mailboxesCreateListRenameDelete() {
        ImapTester.Client c = imap.connect().login("fred");
        assertEquals(List.of("a OK Create completed."), c.send("a CREATE owatagusiam/"));
        assertEquals(List.of("b OK Create completed."), c.send("b CREATE owatagusiam/blurdybloop"));
        assertEquals(List.of("* LIST (\\Noselect) \"/\" \"\"", "c OK List completed."), c.send("c LIST \"\" \"\""));
        List<String> list = c.send("d LIST \"\" *");
        assertTrue(list.contains("* LIST (\\HasChildren) \"/\" owatagusiam"), list.toString());
        assertTrue(list.contains("* LIST (\\HasNoChildren) \"/\" owatagusiam/blurdybloop"), list.toString());
        assertEquals(List.of("e OK Rename completed."), c.send("e RENAME owatagusiam sarasoop"));
        assertEquals(List.of("* STATUS sarasoop/blurdybloop (MESSAGES 0 UIDNEXT 1)", "f OK Status completed."),
                c.send("f STATUS sarasoop/blurdybloop (MESSAGES UIDNEXT)"));
        assertTrue(last(c.send("g SELECT owatagusiam")).startsWith("g NO [NONEXISTENT]"));
    }

    @Test
    void searchSortAndThread() {
        ImapTester.Client c = imap.connect().login("fred");
        c.send("a APPEND INBOX {" + MSG.length() + "}\r\n" + MSG);
        String reply = MSG.replace("Subject: afternoon meeting", "Subject: Re: afternoon meeting\r\nIn-Reply-To: "
                + "<B27397-0100000@Blurdybloop.example>").replace("Message-Id: <B27397", "Message-Id: <C27397");
        c.send("b APPEND INBOX (\\Flagged) {" + reply.length() + "}\r\n" + reply);
        c.send("s SELECT INBOX");
        assertEquals(List.of("* SEARCH 2", "c OK Search completed."), c.send("c SEARCH FLAGGED"));
        assertEquals(List.of("* SEARCH 1 2", "d OK Search completed."), c.send("d SEARCH BODY \"3:30\""));
        assertEquals(List.of("* ESEARCH (TAG \"e\") UID MIN 1 MAX 2 COUNT 2", "e OK Search completed."),
                c.send("e UID SEARCH RETURN (MIN MAX COUNT) ALL"));
        assertEquals(List.of("* SORT 2 1", "f OK Sort completed."), c.send("f SORT (REVERSE SIZE) UTF-8 ALL"));
        assertEquals(List.of("* THREAD (1 2)", "g OK Thread completed."), c.send("g THREAD REFERENCES UTF-8 ALL"));
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
