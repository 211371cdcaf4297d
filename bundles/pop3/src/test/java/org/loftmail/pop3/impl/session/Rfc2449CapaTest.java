package org.loftmail.pop3.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 2449 section 5 (CAPA) and the response codes of sections 8 and 6.3 (RESP-CODES: IN-USE,
 * SYS/TEMP; RFC 3206: AUTH, SYS). Loft announces what Dovecot 2.3 does: no LOGIN-DELAY, EXPIRE
 * or IMPLEMENTATION, since Dovecot has no settings for them.
 */
class Rfc2449CapaTest {

    private final Pop3Tester pop3 = new Pop3Tester();

    @AfterEach
    void close() {
        pop3.close();
    }

    @Test
    void capaBeforeLoginNamesUserAndSasl() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals(List.of("+OK", "CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "USER",
                "SASL PLAIN LOGIN", "."), c.send("CAPA"));
    }

    @Test
    void capaNamesStlsWhenTlsCanStart() {
        pop3.tlsAvailable(true);
        Pop3Tester.Client c = pop3.connect();
        assertEquals(List.of("+OK", "CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "STLS",
                "USER", "SASL PLAIN LOGIN", "."), c.send("CAPA"));
    }

    @Test
    void capaWithoutPlaintextLeavesUserOut() {
        pop3.plaintextAllowed(false);
        Pop3Tester.Client c = pop3.connect();
        assertEquals(List.of("+OK", "CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "SASL",
                "."), c.send("CAPA"));
    }

    @Test
    void capaAfterLoginIsTheTransactionList() {
        Pop3Tester.Client c = pop3.connect().login("fred");
        assertEquals(List.of("+OK", "CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "."),
                c.send("CAPA"));
    }

    @Test
    void section8InUseWhenLocked() {
        pop3.settings(Pop3Settings.defaults().withLockSession(true));
        Pop3Tester.Client first = pop3.connect().login("fred");
        Pop3Tester.Client second = pop3.connect();
        second.ask("USER fred");
        assertEquals("-ERR [IN-USE] Mailbox is locked by another POP3 session.", second.ask("PASS secret"));
        assertEquals(true, second.isClosed());
        assertEquals("+OK Logging out.", first.ask("QUIT"));
        pop3.connect().login("fred");
    }

    @Test
    void withoutTheLockTwoSessionsMayRun() {
        pop3.connect().login("fred");
        pop3.connect().login("fred");
        assertEquals(2, pop3.registry().size());
    }

    @Test
    void userIpLimitIsInUse() {
        pop3.settings(Pop3Settings.defaults().withMaxUserIpConnections(1));
        pop3.connect().login("fred");
        Pop3Tester.Client second = pop3.connect();
        second.ask("USER fred");
        assertEquals("-ERR [IN-USE] Maximum number of connections from user+IP exceeded "
                + "(mail_max_userip_connections=1)", second.ask("PASS secret"));
    }

    @Test
    void sysTempOnTemporaryAuthFailure() {
        Pop3Tester.Client c = pop3.connect();
        c.ask("USER tempfail");
        assertEquals("-ERR [SYS/TEMP] Temporary authentication failure.", c.ask("PASS secret"));
    }

    @Test
    void lockIsFreedWhenTheClientDrops() {
        pop3.settings(Pop3Settings.defaults().withLockSession(true));
        Pop3Tester.Client first = pop3.connect().login("fred");
        first.drop();
        pop3.connect().login("fred");
    }
}
