package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DONE that ends IDLE (RFC 2177) and SASL response lines (RFC 3501 6.2.2). */
class ContinuationLinesTest {

    @Test
    void doneEndsIdleInAnyCase() {
        assertTrue(ContinuationLines.isIdleDone(ClientInput.command("DONE")));
        assertTrue(ContinuationLines.isIdleDone(ClientInput.command("done")));
        assertFalse(ContinuationLines.isIdleDone(ClientInput.command("DONE now")));
        assertFalse(ContinuationLines.isIdleDone(ClientInput.command("a NOOP")));
    }

    @Test
    void saslResponses() throws ParseException {
        // RFC 3501 6.2.2 example: the client's GSSAPI-style response line
        assertArrayEquals("\0fred\0sesame".getBytes(StandardCharsets.UTF_8),
                ContinuationLines.saslResponse(ClientInput.command("AGZyZWQAc2VzYW1l")).orElseThrow());
        assertArrayEquals(new byte[0], ContinuationLines.saslResponse(ClientInput.command("")).orElseThrow());
        assertArrayEquals(new byte[0], ContinuationLines.saslResponse(ClientInput.command("=")).orElseThrow());
        assertEquals(Optional.empty(), ContinuationLines.saslResponse(ClientInput.command("*")));
        assertEquals("Invalid base64 data", assertThrows(ParseException.class,
                () -> ContinuationLines.saslResponse(ClientInput.command("not base64!"))).getMessage());
    }
}
