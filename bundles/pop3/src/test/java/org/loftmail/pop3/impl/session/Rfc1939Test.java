package org.loftmail.pop3.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;

/**
 * The examples of RFC 1939 sections 4 to 9, over the real storage core: a maildrop with two
 * messages of 120 and 200 octets (320 in all), as in the RFC. Response texts are Dovecot's.
 */
class Rfc1939Test {

    private final Pop3Tester pop3 = new Pop3Tester();
    private final String msg1 = Messages.ofSize(120, "first");
    private final String msg2 = Messages.ofSize(200, "second");

    @BeforeEach
    void maildrop() throws Exception {
        pop3.deliver("mrose", msg1, msg2);
    }

    @AfterEach
    void close() {
        pop3.close();
    }

    @Test
    void section4GreetingAndAuthorizationState() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("+OK Loft ready.", c.greeting());
        // TRANSACTION commands are not known before login
        assertEquals("-ERR Unknown command.", c.ask("STAT"));
        // QUIT in the AUTHORIZATION state: no UPDATE state
        assertEquals("+OK Logging out", c.ask("QUIT"));
        assertTrue(c.isClosed());
    }

    @Test
    void section5Stat() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals("+OK 2 320", c.ask("STAT"));
    }

    @Test
    void section5List() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals(List.of("+OK 2 messages:", "1 120", "2 200", "."), c.send("LIST"));
        assertEquals("+OK 2 200", c.ask("LIST 2"));
        assertEquals("-ERR There's no message 3.", c.ask("LIST 3"));
    }

    @Test
    void section5Retr() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.session.commandReceived(org.loftmail.api.protocol.Command.ofLine("RETR 1".getBytes()));
        assertEquals("+OK 120 octets\r\n" + msg1 + ".\r\n", c.raw());
    }

    @Test
    void section5Dele() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals("+OK Marked to be deleted.", c.ask("DELE 1"));
        assertEquals("-ERR Message is deleted.", c.ask("DELE 1"));
        assertEquals("-ERR Message is deleted.", c.ask("RETR 1"));
        assertEquals("+OK 1 200", c.ask("STAT"));
        assertEquals(List.of("+OK 1 messages:", "2 200", "."), c.send("LIST"));
    }

    @Test
    void section5NoopAndRset() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals("+OK", c.ask("NOOP"));
        c.ask("DELE 1");
        c.ask("DELE 2");
        assertEquals("+OK 0 0", c.ask("STAT"));
        assertEquals("+OK", c.ask("RSET"));
        assertEquals("+OK 2 320", c.ask("STAT"));
    }

    @Test
    void section6UpdateStateExpungesTheDeletedMessages() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.ask("DELE 1");
        assertEquals("+OK Logging out, messages deleted.", c.ask("QUIT"));
        assertTrue(c.isClosed());
        MailboxView inbox = pop3.inbox("mrose");
        assertEquals(1, inbox.size());
        assertEquals(200, inbox.messages(UidSet.all()).get(0).meta().virtualSize());
    }

    @Test
    void section6QuitWithoutDeletions() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals("+OK Logging out.", c.ask("QUIT"));
        assertTrue(c.isClosed());
    }

    @Test
    void section6NoQuitNoUpdate() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.ask("DELE 1");
        c.drop();
        assertEquals(2, pop3.inbox("mrose").size());
    }

    @Test
    void section7TopSendsTheHeaderAndNLinesOfTheBody() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        List<String> top = c.send("TOP 2 2");
        List<String> expected = new ArrayList<>(List.of(msg2.split("\r\n")).subList(0, 5));
        expected.add(0, "+OK");
        expected.add(".");
        assertEquals(expected, top);
        assertEquals(List.of("+OK", "From: mrose@dbc.mtview.ca.us", "Subject: first", "", "."), c.send("TOP 1 0"));
        assertEquals("-ERR There's no message 100.", c.ask("TOP 100 3"));
        assertEquals("-ERR Noise after message number: ", c.ask("TOP 1"));
        assertEquals("-ERR Invalid size: x", c.ask("TOP 1 x"));
    }

    @Test
    void section7UidlIsUniqueAndStable() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        long validity = pop3.inbox("mrose").uidValidity();
        String v = String.format("%08x", validity);
        assertEquals(List.of("+OK", "1 00000001" + v, "2 00000002" + v, "."), c.send("UIDL"));
        assertEquals("+OK 2 00000002" + v, c.ask("UIDL 2"));
        assertEquals("-ERR There's no message 3.", c.ask("UIDL 3"));
        c.ask("DELE 1");
        assertEquals(List.of("+OK", "2 00000002" + v, "."), c.send("UIDL"));
    }

    @Test
    void section7UserAndPass() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("+OK", c.ask("USER mrose"));
        assertEquals("-ERR [AUTH] Authentication failed.", c.ask("PASS wrong"));
        assertEquals("-ERR No username given.", c.ask("PASS secret"));
        assertEquals("+OK", c.ask("USER mrose"));
        assertEquals("+OK Logged in.", c.ask("PASS secret"));
        assertEquals("+OK 2 320", c.ask("STAT"));
    }

    @Test
    void section7PassTakesTheRestOfTheLineWithSpaces() {
        Pop3Tester.Client c = pop3.connect();
        c.ask("USER mrose");
        assertEquals("-ERR [AUTH] Authentication failed.", c.ask("PASS  secret"));
    }

    @Test
    void section9ExampleSession() throws Exception {
        Pop3Tester.Client c = pop3.connect();
        assertTrue(c.greeting().startsWith("+OK "));
        c.login("mrose");
        assertEquals("+OK 2 320", c.ask("STAT"));
        assertEquals(List.of("+OK 2 messages:", "1 120", "2 200", "."), c.send("LIST"));
        assertEquals("+OK 120 octets", c.send("RETR 1").get(0));
        assertEquals("+OK Marked to be deleted.", c.ask("DELE 1"));
        assertEquals("+OK 200 octets", c.send("RETR 2").get(0));
        assertEquals("+OK Marked to be deleted.", c.ask("DELE 2"));
        assertEquals("+OK Logging out, messages deleted.", c.ask("QUIT"));
        assertEquals(0, pop3.inbox("mrose").size());
    }

    @Test
    void commandsAreCaseInsensitiveAndUnknownOnesAreRefused() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals("+OK 2 320", c.ask("stat"));
        assertEquals("-ERR Unknown command: XYZZY", c.ask("xyzzy"));
        assertEquals("-ERR Unknown command: USER", c.ask("USER mrose"));
        assertEquals("-ERR Invalid message number: abc", c.ask("RETR abc"));
        assertEquals("-ERR Noise after message number: x", c.ask("RETR 1x"));
        assertEquals("-ERR There's no message 0.", c.ask("RETR 0"));
        assertEquals("-ERR Message number too large: 99999999999999999999",
                c.ask("LIST 99999999999999999999"));
        assertEquals("+OK 2 320", c.ask("STAT"));
        assertFalse(c.isClosed());
    }

    @Test
    void retrSetsSeenAtQuitAndTopDoesNot() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.send("RETR 1");
        c.send("TOP 2 1");
        c.ask("QUIT");
        var msgs = pop3.inbox("mrose").messages(UidSet.all());
        assertTrue(msgs.get(0).meta().flags().has(Flag.SEEN));
        assertFalse(msgs.get(1).meta().flags().has(Flag.SEEN));
    }

    @Test
    void retrSetsSeenAlsoWhenTheClientLeavesWithoutQuit() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.send("RETR 2");
        c.drop();
        var msgs = pop3.inbox("mrose").messages(UidSet.all());
        assertFalse(msgs.get(0).meta().flags().has(Flag.SEEN));
        assertTrue(msgs.get(1).meta().flags().has(Flag.SEEN));
    }

    @Test
    void rsetForgetsRetrievedMessages() throws Exception {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.send("RETR 1");
        c.ask("RSET");
        c.ask("QUIT");
        assertFalse(pop3.inbox("mrose").messages(UidSet.all()).get(0).meta().flags().has(Flag.SEEN));
    }

    @Test
    void idleTimeoutIsTenMinutesAndSaysGoodbye() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals(java.time.Duration.ofMinutes(10), c.idleTimeout);
        c.session.idleTimedOut(c);
        assertEquals(List.of("-ERR Disconnected for inactivity."), c.take());
        assertTrue(c.isClosed());
    }

    @Test
    void tooLongLinesAreRefusedAndTheSessionGoesOn() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        assertEquals(List.of("-ERR Input line too long."), c.tooLong());
        assertEquals("+OK 2 320", c.ask("STAT"));
    }

    @Test
    void tooManyBadCommandsDisconnect() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("-ERR Unknown command.", c.ask("FOO"));
        assertEquals("-ERR Unknown command.", c.ask("FOO"));
        assertEquals(List.of("-ERR Unknown command.", "-ERR Too many invalid bad commands."), c.send("FOO"));
        assertTrue(c.isClosed());
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() {
        Pop3Tester.Client c = pop3.connect().login("mrose");
        c.session.commandReceived(org.loftmail.api.protocol.Command.ofLine("STAT".getBytes()));
        c.session.commandReceived(org.loftmail.api.protocol.Command.ofLine("LIST 1".getBytes()));
        c.session.commandReceived(org.loftmail.api.protocol.Command.ofLine("NOOP".getBytes()));
        assertEquals(List.of("+OK 2 320", "+OK 1 120", "+OK"), c.take());
    }
}
