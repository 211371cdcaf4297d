package org.loftmail.pop3.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Command lines and numeric arguments, with Dovecot's error texts. */
class ArgumentsTest {

    @Test
    void commandLines() {
        assertEquals(new Pop3Command("RETR", "1"), Pop3Command.parse("retr 1"));
        assertEquals(new Pop3Command("STAT", ""), Pop3Command.parse("STAT"));
        assertEquals(new Pop3Command("PASS", " two words "), Pop3Command.parse("PASS  two words "));
        assertEquals("two words ", Pop3Command.parse("PASS  two words ").trimmedArgs());
        assertEquals(new Pop3Command("", ""), Pop3Command.parse(""));
        assertEquals("PASS ***", Pop3Command.parse("PASS secret").toString());
    }

    @Test
    void messageNumbers() throws ArgumentException {
        assertEquals(new Arguments.Number(12, ""), Arguments.messageNumber("12", false));
        assertEquals(new Arguments.Number(1, "10"), Arguments.messageNumber("1  10", true));
        assertEquals(10, Arguments.lineCount("10"));
    }

    @Test
    void badArguments() {
        assertEquals("Invalid message number: ", assertThrows(ArgumentException.class,
                () -> Arguments.messageNumber("", false)).getMessage());
        assertEquals("Invalid message number: -1", assertThrows(ArgumentException.class,
                () -> Arguments.messageNumber("-1", false)).getMessage());
        assertEquals("Noise after message number:  2", assertThrows(ArgumentException.class,
                () -> Arguments.messageNumber("1 2", false)).getMessage());
        assertEquals("Message number too large: 4294967296", assertThrows(ArgumentException.class,
                () -> Arguments.messageNumber("4294967296", false)).getMessage());
        assertEquals(4294967295L, assertDoesNotThrow("4294967295"));
        assertEquals("Noise after size: x", assertThrows(ArgumentException.class,
                () -> Arguments.lineCount("5x")).getMessage());
    }

    private static long assertDoesNotThrow(String s) {
        try {
            return Arguments.messageNumber(s, false).value();
        } catch (ArgumentException e) {
            throw new AssertionError(e);
        }
    }
}
