package org.loftmail.imap.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.storage.memory.impl.MemoryDriver;

/**
 * ENVELOPE, BODY, BODYSTRUCTURE, SORT, THREAD and header SEARCH keys come from the mailbox's
 * message cache once computed: after a restart (a new storage core and IMAP service over the same
 * mail) they read no message at all, and answer exactly what they answered before.
 */
class MessageCacheRestartTest {

    private static final String[] MESSAGES = {
        "From: Alice Example <alice@example.org>\r\nTo: bob@example.org\r\nCc: carol@example.org\r\n"
                + "Subject: Quarterly  report\r\nMessage-ID: <1@example.org>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b--\r\n",
        "From: =?UTF-8?Q?Bj=C3=B6rn?= <bjorn@example.org>\r\nTo: alice@example.org\r\n"
                + "Subject: Re: Quarterly report\r\nMessage-ID: <2@example.org>\r\nIn-Reply-To: <1@example.org>\r\n"
                + "References: <1@example.org>\r\nDate: Tue, 2 Jan 2024 10:00:00 +0000\r\n\r\nanswer\r\n",
        "From: bob@example.org\r\nTo: Undisclosed recipients:;\r\nSubject: lunch\r\n"
                + "Date: Wed, 3 Jan 2024 10:00:00 +0000\r\n\r\nno cc here\r\n",
    };

    private static final String[] COMMANDS = {
        "FETCH 1:* (ENVELOPE)",
        "FETCH 1:* (BODYSTRUCTURE BODY ENVELOPE)",
        "UID SEARCH FROM alice",
        "SEARCH FROM \"björn\"",
        "SEARCH CC \"\"",
        "SEARCH HEADER TO bob",
        "SEARCH SUBJECT \"quarterly report\"",
        "SEARCH OR FROM bob TO alice",
        "SEARCH NOT BCC x",
        "UID SORT (SUBJECT FROM) UTF-8 ALL",
        "UID THREAD REFERENCES UTF-8 ALL",
    };

    private final ReadCountingDriver mail = new ReadCountingDriver(new MemoryDriver());

    private List<String> run(ImapTester.Client c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < COMMANDS.length; i++) {
            out.addAll(c.send("c" + i + " " + COMMANDS[i]));
        }
        return out;
    }

    @Test
    void afterARestartCachedItemsReadNoMessageAndAnswerTheSame() throws Exception {
        List<String> before;
        try (ImapTester imap = new ImapTester(mail)) {
            ImapTester.Client c = imap.connect().login("fred");
            for (String m : MESSAGES) {
                c.send("a APPEND INBOX {" + m.length() + "}\r\n" + m);
            }
            c.send("s SELECT INBOX");
            before = run(c);
            assertTrue(before.containsAll(List.of("* SEARCH 1", "* SEARCH 2", "* SEARCH 1 2 3", "* THREAD (1 2)(3)")),
                    before.toString());
            assertEquals(before, run(c), "the cache answers as the messages did");
            c.send("z LOGOUT");
        }
        assertTrue(mail.opens.get() > 0);
        int opened = mail.opens.get();
        try (ImapTester imap = new ImapTester(mail)) {
            try (MailboxView v = imap.storage().open("fred").open("INBOX", true)) {
                for (String field : List.of("imap.envelope", "imap.body", "imap.bodystructure", "imap.summary.1",
                        "imap.search.fields.1")) {
                    for (int uid = 1; uid <= MESSAGES.length; uid++) {
                        assertTrue(v.cache().get(uid, field).isPresent(), field + " of " + uid);
                    }
                }
            }
            ImapTester.Client c = imap.connect().login("fred");
            c.send("s SELECT INBOX");
            assertEquals(before, run(c));
        }
        assertEquals(opened, mail.opens.get(), "messages opened after the restart");
    }
}
