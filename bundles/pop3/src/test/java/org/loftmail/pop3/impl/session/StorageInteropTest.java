package org.loftmail.pop3.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;

/**
 * POP3 next to other sessions of the same store (IMAP): the maildrop is fixed at login, DELE
 * goes through the storage expunge at QUIT, flags another session set on other messages are kept.
 */
class StorageInteropTest {

    private final Pop3Tester pop3 = new Pop3Tester();

    @AfterEach
    void close() {
        pop3.close();
    }

    @Test
    void aMessageExpungedElsewhereKeepsItsNumberAndFailsToBeRead() throws Exception {
        pop3.deliver("ann", Messages.ofSize(100, "a"), Messages.ofSize(150, "b"));
        Pop3Tester.Client c = pop3.connect().login("ann");
        MailboxView imap = pop3.storage().open("ann").open("INBOX", false);
        imap.store(UidSet.of(1), FlagChange.add(Flags.of(Flag.DELETED)));
        assertEquals(List.of(1L), imap.expunge(UidSet.of(1)));
        assertEquals("+OK 2 250", c.ask("STAT"));
        assertEquals("-ERR Message 1 expunged.", c.ask("RETR 1"));
        assertEquals("+OK 150 octets", c.send("RETR 2").get(0));
        assertEquals("+OK Logging out.", c.ask("QUIT"));
    }

    @Test
    void newMailDuringTheSessionIsNotListed() throws Exception {
        pop3.deliver("ann", Messages.ofSize(100, "a"));
        Pop3Tester.Client c = pop3.connect().login("ann");
        pop3.deliver("ann", Messages.ofSize(150, "b"));
        assertEquals("+OK 1 100", c.ask("STAT"));
        c.ask("DELE 1");
        c.ask("QUIT");
        MailboxView inbox = pop3.inbox("ann");
        assertEquals(1, inbox.size());
        assertEquals(150, inbox.messages(UidSet.all()).get(0).meta().virtualSize());
    }

    @Test
    void quitExpungesOnlyWhatPop3DeletedAndAnImapViewHearsOfIt() throws Exception {
        pop3.deliver("ann", Messages.ofSize(100, "a"), Messages.ofSize(150, "b"), Messages.ofSize(200, "c"));
        MailboxView imap = pop3.storage().open("ann").open("INBOX", false);
        imap.store(UidSet.of(3), FlagChange.add(Flags.of(Flag.DELETED)));
        Pop3Tester.Client c = pop3.connect().login("ann");
        c.ask("DELE 1");
        c.ask("QUIT");
        assertEquals(List.of(1L), imap.sync().expungedUids());
        var left = imap.messages(UidSet.all());
        assertEquals(2, left.size());
        assertTrue(left.get(1).meta().flags().has(Flag.DELETED));
    }

    @Test
    void bareLfMessagesAreSentWithCrlfAndTheirCrlfSize() throws Exception {
        pop3.deliver("ann", "Subject: lf\n\n.dot line\nplain\n");
        Pop3Tester.Client c = pop3.connect().login("ann");
        assertEquals("+OK 1 33", c.ask("LIST 1"));
        c.session.commandReceived(org.loftmail.api.protocol.Command.ofLine("RETR 1".getBytes()));
        assertEquals("+OK 33 octets\r\nSubject: lf\r\n\r\n..dot line\r\nplain\r\n.\r\n", c.raw());
    }

    @Test
    void noFlagUpdatesKeepsSeenOff() throws Exception {
        pop3.settings(Pop3Settings.of(java.util.Map.of("pop3_no_flag_updates", "yes")));
        pop3.deliver("ann", Messages.ofSize(100, "a"));
        Pop3Tester.Client c = pop3.connect().login("ann");
        c.send("RETR 1");
        c.ask("QUIT");
        assertFalse(pop3.inbox("ann").messages(UidSet.all()).get(0).meta().flags().has(Flag.SEEN));
    }

    @Test
    void lastWithPop3EnableLast() throws Exception {
        pop3.settings(Pop3Settings.defaults().withEnableLast(true));
        pop3.deliver("ann", Messages.ofSize(100, "a"), Messages.ofSize(150, "b"));
        Pop3Tester.Client c = pop3.connect().login("ann");
        assertEquals("+OK 0", c.ask("LAST"));
        c.send("RETR 2");
        assertEquals("+OK 2", c.ask("LAST"));
        c.ask("RSET");
        assertEquals("+OK 0", c.ask("LAST"));
    }

    @Test
    void lastIsUnknownByDefault() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("ann");
        assertEquals("-ERR Unknown command: LAST", c.ask("LAST"));
    }

    @Test
    void logoutLineCountsLikeDovecot() throws Exception {
        pop3.deliver("ann", Messages.ofSize(100, "a"), Messages.ofSize(150, "b"));
        Pop3Tester.Client c = pop3.connect().login("ann");
        c.send("TOP 1 0");
        c.send("RETR 2");
        c.ask("DELE 2");
        assertEquals("top=1/44, retr=1/150, del=1/2, size=250", c.session.logoutStats());
    }
}
