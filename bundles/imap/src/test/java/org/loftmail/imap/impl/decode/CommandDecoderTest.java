package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.imap.impl.request.*;
import org.loftmail.imap.impl.request.SequenceSet.Range;

/** RFC 3501 section 6 examples and the session-level extensions, then malformed variants. */
class CommandDecoderTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                // RFC 3501 6.1
                Arguments.of("abcd CAPABILITY", new CapabilityRequest("abcd")),
                Arguments.of("a002 NOOP", new NoopRequest("a002")),
                Arguments.of("A023 LOGOUT", new LogoutRequest("A023")),
                Arguments.of("a001 noop", new NoopRequest("a001")),
                // RFC 3501 6.2
                Arguments.of("a001 STARTTLS", new StartTlsRequest("a001")),
                Arguments.of("a001 LOGIN SMITH SESAME", new LoginRequest("a001", "SMITH", "SESAME")),
                Arguments.of("a001 LOGIN \"fred\" \"pass \\\"w\\\\rd\"", new LoginRequest("a001", "fred", "pass \"w\\rd")),
                Arguments.of("a001 LOGIN {4}\r\nfred {6+}\r\nsesame", new LoginRequest("a001", "fred", "sesame")),
                Arguments.of("a001 LOGIN jürgen \"pässword\"", new LoginRequest("a001", "jürgen", "pässword")),
                // RFC 3501 6.3
                Arguments.of("A142 SELECT INBOX", new SelectRequest("A142", "INBOX", false, false, null)),
                Arguments.of("A142 SELECT inbox", new SelectRequest("A142", "INBOX", false, false, null)),
                Arguments.of("A932 EXAMINE blurdybloop", new SelectRequest("A932", "blurdybloop", true, false, null)),
                Arguments.of("A003 CREATE owatagusiam/", new CreateRequest("A003", "owatagusiam/", List.of())),
                Arguments.of("A683 DELETE blurdybloop", new DeleteRequest("A683", "blurdybloop")),
                Arguments.of("A683 RENAME blurdybloop sarasoop", new RenameRequest("A683", "blurdybloop", "sarasoop")),
                Arguments.of("A002 SUBSCRIBE #news.comp.mail.mime", new SubscribeRequest("A002", "#news.comp.mail.mime")),
                Arguments.of("A002 UNSUBSCRIBE #news.comp.mail.mime", new UnsubscribeRequest("A002", "#news.comp.mail.mime")),
                Arguments.of("A002 LSUB \"#news.\" \"comp.mail.*\"", new LsubRequest("A002", "#news.", "comp.mail.*")),
                Arguments.of("A042 STATUS blurdybloop (UIDNEXT MESSAGES)",
                        new StatusRequest("A042", "blurdybloop", List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES))),
                Arguments.of("A042 STATUS INBOX (HIGHESTMODSEQ SIZE unseen)",
                        new StatusRequest("A042", "INBOX", List.of(StatusItem.HIGHESTMODSEQ, StatusItem.SIZE, StatusItem.UNSEEN))),
                // RFC 3501 6.4
                Arguments.of("FXXZ CHECK", new CheckRequest("FXXZ")),
                Arguments.of("A341 CLOSE", new CloseRequest("A341")),
                Arguments.of("A202 EXPUNGE", new ExpungeRequest("A202")),
                Arguments.of("A003 COPY 2:4 MEETING", new CopyRequest("A003", false, SequenceSet.of(new Range(2, 4)), "MEETING")),
                Arguments.of("A999 UID COPY 4827313:4828442 MEETING",
                        new CopyRequest("A999", true, SequenceSet.of(new Range(4827313, 4828442)), "MEETING")),
                // RFC 6851, RFC 3691, RFC 4315
                Arguments.of("a MOVE 1:3 Trash", new MoveRequest("a", false, SequenceSet.of(new Range(1, 3)), "Trash")),
                Arguments.of("a uid move 42 \"Junk Mail\"", new MoveRequest("a", true, SequenceSet.of(Range.single(42)), "Junk Mail")),
                Arguments.of("A342 UNSELECT", new UnselectRequest("A342")),
                Arguments.of("A003 UID EXPUNGE 3000:3002", new UidExpungeRequest("A003", SequenceSet.of(new Range(3000, 3002)))),
                // RFC 2177, 2342, 5161, 9208, 4978
                Arguments.of("A001 IDLE", new IdleRequest("A001")),
                Arguments.of("A001 NAMESPACE", new NamespaceRequest("A001")),
                Arguments.of("t2 ENABLE CONDSTORE qresync", new EnableRequest("t2", List.of("CONDSTORE", "QRESYNC"))),
                Arguments.of("G0001 GETQUOTA \"\"", new GetQuotaRequest("G0001", "")),
                Arguments.of("A003 GETQUOTAROOT INBOX", new GetQuotaRootRequest("A003", "INBOX")),
                Arguments.of("a COMPRESS DEFLATE", new CompressRequest("a", "DEFLATE")),
                Arguments.of("a ID NIL", new IdRequest("a", null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("examples")
    void decodesRfcExamples(String wire, ImapRequest expected) throws ParseException {
        assertEquals(expected, Decode.request(wire));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "* BAD Empty command line"),
                Arguments.of("+tag NOOP", "* BAD Invalid tag"),
                Arguments.of("(x NOOP", "* BAD Invalid tag"),
                Arguments.of("a1", "a1 BAD Missing command"),
                Arguments.of("a1 ", "a1 BAD Missing command"),
                Arguments.of("a1 FROBNICATE", "a1 BAD Unknown command FROBNICATE"),
                Arguments.of("a1 UID FROB 1", "a1 BAD Unknown command UID FROB"),
                Arguments.of("a1 UID", "a1 BAD Invalid command name"),
                Arguments.of("a1 NOOP now", "a1 BAD Error in IMAP command NOOP: Unexpected arguments after the command"),
                Arguments.of("a1 LOGIN fred", "a1 BAD Error in IMAP command LOGIN: Missing argument"),
                Arguments.of("a1 LOGIN fred \"sesame", "a1 BAD Error in IMAP command LOGIN: Missing '\"'"),
                Arguments.of("a1 LOGIN fred \"a\\b\"", "a1 BAD Error in IMAP command LOGIN: Invalid escape in quoted string"),
                Arguments.of("a1 LOGIN fred  x", "a1 BAD Error in IMAP command LOGIN: Invalid characters in atom"),
                Arguments.of("a1 SELECT", "a1 BAD Error in IMAP command SELECT: Missing argument"),
                Arguments.of("a1 STATUS INBOX (MESSAGES FOO)", "a1 BAD Error in IMAP command STATUS: Unknown STATUS attribute FOO"),
                Arguments.of("a1 STATUS INBOX MESSAGES", "a1 BAD Error in IMAP command STATUS: Expected '('"),
                Arguments.of("a1 COPY 0 Trash", "a1 BAD Error in IMAP command COPY: Invalid sequence set"),
                Arguments.of("a1 UID EXPUNGE", "a1 BAD Error in IMAP command UID EXPUNGE: Missing argument"),
                Arguments.of("a1 ENABLE", "a1 BAD Error in IMAP command ENABLE: Missing argument"),
                Arguments.of("a1 COMPRESS", "a1 BAD Error in IMAP command COMPRESS: Missing argument"),
                Arguments.of("a1 ID (\"name\")", "a1 BAD Error in IMAP command ID: Expected a space"),
                Arguments.of("a1 CREATE x (USE (Drafts))", "a1 BAD Error in IMAP command CREATE: Expected '\\'"),
                Arguments.of("a1 AUTHENTICATE PLAIN dGVzdA", "a1 BAD Error in IMAP command AUTHENTICATE: Invalid base64 data"),
                Arguments.of("a1 LOGIN {3}\r\nfoo", "a1 BAD Error in IMAP command LOGIN: Missing argument"),
                Arguments.of("a1 LOGIN ~{3}\r\nfoo bar", "a1 BAD Error in IMAP command LOGIN: Binary literal not allowed here"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedCommandsGetBad(String wire, String response) {
        assertEquals(response, Decode.badLine(wire));
    }

    @Test
    void authenticateWithAndWithoutInitialResponse() throws ParseException {
        AuthenticateRequest gssapi = (AuthenticateRequest) Decode.request("A001 AUTHENTICATE GSSAPI");
        assertEquals("GSSAPI", gssapi.mechanism());
        assertFalse(gssapi.hasInitialResponse());

        // RFC 4959 example: AUTHENTICATE PLAIN with the initial response on the line
        AuthenticateRequest plain = (AuthenticateRequest) Decode.request("a01 authenticate plain AGZyZWQAc2VzYW1l");
        assertEquals("PLAIN", plain.mechanism());
        assertArrayEquals("\0fred\0sesame".getBytes(StandardCharsets.UTF_8), plain.initialResponse());

        AuthenticateRequest empty = (AuthenticateRequest) Decode.request("a02 AUTHENTICATE EXTERNAL =");
        assertArrayEquals(new byte[0], empty.initialResponse());
    }

    @Test
    void createWithSpecialUse() throws ParseException {
        // RFC 6154 5.2
        assertEquals(new CreateRequest("t1", "MySpecial", List.of("\\Drafts", "\\Sent")),
                Decode.request("t1 CREATE MySpecial (USE (\\Drafts \\Sent))"));
    }

    @Test
    void idKeepsParametersInOrderWithNil() throws ParseException {
        // RFC 2971 3.1
        IdRequest id = (IdRequest) Decode.request("a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" NIL)");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "sodr");
        expected.put("version", "19.34");
        expected.put("vendor", null);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(id.parameters().entrySet()));
        assertNull(id.parameters().get("vendor"));
    }
}
