package org.loftmail.pop3.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 5034 (the POP3 SASL AUTH command) with the AUTH-RESP-CODE of section 8. */
class Rfc5034AuthTest {

    private final Pop3Tester pop3 = new Pop3Tester();

    @AfterEach
    void close() {
        pop3.close();
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void section6ExampleWithAnEmptyChallenge() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("+ ", c.ask("AUTH PLAIN"));
        assertEquals("+OK Logged in.", c.ask(plain("test", "secret")));
        assertEquals("+OK 0 0", c.ask("STAT"));
    }

    @Test
    void initialResponse() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("+OK Logged in.", c.ask("AUTH PLAIN " + plain("test", "secret")));
    }

    @Test
    void failureCarriesTheAuthResponseCode() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("-ERR [AUTH] Authentication failed.", c.ask("AUTH PLAIN " + plain("test", "wrong")));
        assertEquals("+OK Logged in.", c.ask("AUTH PLAIN " + plain("test", "secret")));
    }

    @Test
    void starCancels() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("+ ", c.ask("AUTH PLAIN"));
        assertEquals("-ERR Authentication aborted by client.", c.ask("*"));
        assertEquals("+OK", c.ask("USER test"));
    }

    @Test
    void unknownMechanism() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("-ERR Unsupported authentication mechanism.", c.ask("AUTH X-UNKNOWN"));
    }

    @Test
    void badBase64() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals("-ERR Invalid base64 data or SASL response.", c.ask("AUTH PLAIN !!!"));
    }

    @Test
    void authWithoutArgumentsListsTheMechanisms() {
        Pop3Tester.Client c = pop3.connect();
        assertEquals(List.of("+OK", "PLAIN", "LOGIN", "."), c.send("AUTH"));
    }

    @Test
    void aTooLongResponseEndsTheExchange() {
        Pop3Tester.Client c = pop3.connect();
        c.ask("AUTH PLAIN");
        assertEquals(List.of("-ERR Invalid base64 data or SASL response."), c.tooLong());
        assertTrue(c.ask("USER x").equals("+OK"));
    }

    @Test
    void plaintextRefusedOnAnInsecureConnection() {
        pop3.plaintextAllowed(false);
        Pop3Tester.Client c = pop3.connect();
        String refused = "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.";
        assertEquals(refused, c.ask("USER test"));
        assertEquals(refused, c.ask("PASS secret"));
        assertEquals("-ERR Unsupported authentication mechanism.", c.ask("AUTH PLAIN " + plain("test", "secret")));
    }
}
