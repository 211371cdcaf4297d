package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.api.protocol.Command;
import org.loftmail.imap.impl.request.AppendMessage;
import org.loftmail.imap.impl.request.AppendRequest;

/** APPEND (RFC 3501 6.3.11), MULTIAPPEND (RFC 3502), binary literals (RFC 3516). */
class AppendParserTest {

    private static final String MESSAGE = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n"
            + "From: Fred Foobar <foobar@Blurdybloop.COM>\r\n"
            + "Subject: afternoon meeting\r\n\r\nHello Joe, do you think we can meet at 3:30 tomorrow?\r\n";

    private static byte[] data(AppendMessage m) throws IOException {
        try (InputStream in = m.message().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void rfc3501Example() throws Exception {
        int n = MESSAGE.getBytes(StandardCharsets.UTF_8).length;
        AppendRequest append = (AppendRequest) Decode.request(
                "A003 APPEND saved-messages (\\Seen) {" + n + "}\r\n" + MESSAGE);
        assertEquals("saved-messages", append.mailbox());
        assertEquals(1, append.messages().size());
        AppendMessage m = append.messages().get(0);
        assertEquals(List.of("\\Seen"), m.flags());
        assertNull(m.date());
        assertFalse(m.message().binary());
        assertArrayEquals(MESSAGE.getBytes(StandardCharsets.UTF_8), data(m));
    }

    @Test
    void literalIsHandedOverNotCopied() throws Exception {
        Command command = ClientInput.command("a APPEND INBOX {5+}\r\nhello");
        AppendRequest append = (AppendRequest) new CommandDecoder(CommandTable.standard()).decode(command).request();
        assertSame(command.parts().get(1), append.messages().get(0).message());
    }

    @Test
    void multiappendWithFlagsDatesAndBinary() throws Exception {
        // RFC 3502 6 shape, with a binary second message (RFC 3516 4.2)
        AppendRequest append = (AppendRequest) Decode.request("A003 APPEND inbox (\\seen \\Flagged $Work) "
                + "\"14-Jul-2003 10:02:36 +0200\" {5}\r\nfirst (\\Draft) ~{4}\r\nse\0d {5+}\r\nthird");
        assertEquals("INBOX", append.mailbox());
        assertEquals(3, append.messages().size());
        AppendMessage first = append.messages().get(0);
        assertEquals(List.of("\\Seen", "\\Flagged", "$Work"), first.flags());
        assertEquals(OffsetDateTime.of(2003, 7, 14, 10, 2, 36, 0, ZoneOffset.ofHours(2)), first.date());
        assertEquals("first", new String(data(first), StandardCharsets.UTF_8));
        AppendMessage second = append.messages().get(1);
        assertEquals(List.of("\\Draft"), second.flags());
        assertTrue(second.message().binary());
        assertArrayEquals(new byte[] {'s', 'e', 0, 'd'}, data(second));
        assertEquals(List.of(), append.messages().get(2).flags());
        assertEquals("third", new String(data(append.messages().get(2)), StandardCharsets.UTF_8));
    }

    @Test
    void dateWithSpacePaddedDay() throws Exception {
        AppendRequest append = (AppendRequest) Decode.request("a APPEND x \" 1-Feb-2004 23:59:59 -0130\" {1}\r\nx");
        assertEquals(OffsetDateTime.of(2004, 2, 1, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-1, -30)),
                append.messages().get(0).date());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a APPEND INBOX", "a BAD Error in IMAP command APPEND: Missing argument"),
                Arguments.of("a APPEND INBOX (\\Seen)", "a BAD Error in IMAP command APPEND: Missing argument"),
                Arguments.of("a APPEND INBOX hello", "a BAD Error in IMAP command APPEND: Expected a message literal"),
                Arguments.of("a APPEND INBOX (\\Recent) {1}\r\nx", "a BAD Error in IMAP command APPEND: Invalid system flag \\RECENT"),
                Arguments.of("a APPEND INBOX (\\*) {1}\r\nx", "a BAD Error in IMAP command APPEND: Invalid flag \\*"),
                Arguments.of("a APPEND INBOX \"1-Feb-2004\" {1}\r\nx", "a BAD Error in IMAP command APPEND: Invalid date-time"),
                Arguments.of("a APPEND INBOX \"31-Feb-2004 10:00:00 +0000\" {1}\r\nx", "a BAD Error in IMAP command APPEND: Invalid date-time"),
                Arguments.of("a APPEND INBOX \"01-Feb-2004 25:00:00 +0000\" {1}\r\nx", "a BAD Error in IMAP command APPEND: Invalid date-time"),
                Arguments.of("a APPEND INBOX {1}\r\nx{1}\r\ny", "a BAD Error in IMAP command APPEND: Expected a space"),
                Arguments.of("a APPEND INBOX {1}\r\nx ", "a BAD Error in IMAP command APPEND: Missing message literal"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedAppendGetsBad(String wire, String response) {
        assertEquals(response, Decode.badLine(wire));
    }
}
