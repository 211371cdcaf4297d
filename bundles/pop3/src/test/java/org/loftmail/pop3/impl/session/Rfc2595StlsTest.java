package org.loftmail.pop3.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 2595 section 4: STLS, and what changes once TLS is on. */
class Rfc2595StlsTest {

    private final Pop3Tester pop3 = new Pop3Tester();

    @AfterEach
    void close() {
        pop3.close();
    }

    @Test
    void stlsThenPlaintextLogin() {
        pop3.tlsAvailable(true).plaintextAllowed(false);
        Pop3Tester.Client c = pop3.connect();
        assertEquals("+OK Begin TLS negotiation now.", c.ask("STLS"));
        assertEquals(1, c.tlsStarts);
        assertEquals(List.of("+OK", "CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "USER",
                "SASL PLAIN LOGIN", "."), c.send("CAPA"));
        assertEquals("-ERR TLS is already active.", c.ask("STLS"));
        c.login("fred");
    }

    @Test
    void stlsWithoutACertificate() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("-ERR TLS support isn't enabled.", c.ask("STLS"));
    }

    @Test
    void stlsForgetsAUserGivenBefore() {
        pop3.tlsAvailable(true);
        Pop3Tester.Client c = pop3.connect();
        c.ask("USER fred");
        c.ask("STLS");
        assertEquals("-ERR No username given.", c.ask("PASS secret"));
    }

    @Test
    void stlsIsUnknownAfterLogin() {
        pop3.tlsAvailable(true);
        Pop3Tester.Client c = pop3.connect().login("fred");
        assertEquals("-ERR Unknown command: STLS", c.ask("STLS"));
    }
}
