package org.loftmail.itests.protoscript;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.loftmail.itests.protoscript.LineScript.Close;
import org.loftmail.itests.protoscript.LineScript.Data;
import org.loftmail.itests.protoscript.LineScript.Expect;
import org.loftmail.itests.protoscript.LineScript.Send;
import org.loftmail.itests.protoscript.LineScript.Sleep;

/**
 * The POP3/LMTP script format and runner on in-memory examples: the "server" is a canned byte string per
 * connection and what the client sent is captured (no server).
 */
public class LineScriptFormatTest {

    /** Runs a script against canned server output per connection; returns the failure or null. */
    private static final class Fake {
        final Map<Integer, String> server = new HashMap<>();
        final Map<Integer, ByteArrayOutputStream> sent = new HashMap<>();
        final Map<Integer, String> protocols = new HashMap<>();
        final List<String> transcript = new ArrayList<>();
        final ScriptVars vars = new ScriptVars(Map.of("user", "joe", "password", "secret", "crlf", "\r\n"));

        Fake server(int conn, String... lines) {
            server.put(conn, String.join("\r\n", lines) + "\r\n");
            return this;
        }

        LineScriptRunner.Failure run(String name, String script) {
            LineScriptRunner runner = new LineScriptRunner((n, protocol, log) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                sent.put(n, out);
                protocols.put(n, protocol);
                byte[] in = server.getOrDefault(n, "").getBytes(StandardCharsets.UTF_8);
                return new LineConnection(new ByteArrayInputStream(in), out, "S" + n, log);
            }, 1000, transcript::add);
            try {
                runner.run(LineScript.parse(name, script), vars);
                return null;
            } catch (LineScriptRunner.Failure f) {
                return f;
            }
        }

        String sent(int conn) {
            return sent.get(conn).toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertSyntaxError(String script, String expectedLocation) {
        try {
            LineScript.parse("bad.pop3", script);
            fail("expected a syntax error");
        } catch (LineScript.SyntaxException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(expectedLocation + ": "));
        }
    }

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    // ------------------------------------------------------------------ parsing

    @Test
    public void parsesClientServerDataAndDirectives() {
        LineScript s = LineScript.parse("p.lmtp", lines(
                "# comment",
                "!connect 2 pop3",
                "S: 220 ...",
                "C: LHLO x",
                "S~: 250-{{.*}}",
                "S~?: 250 SIZE",
                "D: Subject: hi",
                "D:",
                "D: body",
                "C2: USER ${user}",
                "S2*: +OK",
                "S2: -ERR",
                "!sleep 10",
                "!close 2"));
        assertEquals("lmtp", s.protocol());
        assertEquals("pop3", s.protocolOf(2));
        assertEquals("lmtp", s.protocolOf(1));
        assertEquals(List.of("lmtp", "pop3"), new ArrayList<>(s.protocolsUsed()));
        assertEquals(10, s.steps().size());
        Expect group = (Expect) s.steps().get(3);
        assertTrue(group.unordered() && group.optional() && !group.repeated());
        Data data = (Data) s.steps().get(4);
        assertEquals(List.of("Subject: hi", "", "body"), data.lines());
        assertEquals(7, data.line());
        Send send = (Send) s.steps().get(5);
        assertEquals(2, send.conn());
        Expect repeated = (Expect) s.steps().get(6);
        assertTrue(repeated.repeated() && repeated.mayBeAbsent());
        assertTrue(s.steps().get(7) instanceof Expect);
        assertEquals(10, ((Sleep) s.steps().get(8)).millis());
        assertEquals(2, ((Close) s.steps().get(9)).conn());
    }

    @Test
    public void reportsSyntaxErrorsWithFileAndLine() {
        assertSyntaxError(lines("C: x", "X: y"), "bad.pop3:2");
        assertSyntaxError(lines("!nonsense"), "bad.pop3:1");
        assertSyntaxError(lines("C~: x"), "bad.pop3:1");
        assertSyntaxError(lines("S: a", "S?: b"), "bad.pop3:2");
        assertSyntaxError(lines("S: a", "S*: b", "C: c", "S: d"), "bad.pop3:2");
        assertSyntaxError(lines("S: a", "S~?: b", "S~: c"), "bad.pop3:2");
        assertSyntaxError(lines("C2: x", "!connect 2 lmtp"), "bad.pop3:2");
        assertSyntaxError(lines("S: {{unclosed"), "bad.pop3:1");
        assertSyntaxError(lines("S*: <EOF>", "S: x"), "bad.pop3:1");
    }

    @Test
    public void lmtpGroupsNeedNoFollowerBecauseTheyEndAtTheLastLineOfTheReply() {
        LineScript s = LineScript.parse("ok.lmtp", lines("C: LHLO x", "S~: 250-a", "S~?: 250 b", "C: QUIT"));
        assertEquals(4, s.steps().size());
        assertSyntaxError(lines("C: CAPA", "S~: a", "S~?: b", "C: QUIT"), "bad.pop3:2");
    }

    // ------------------------------------------------------------------ running

    @Test
    public void sendsLinesWithVariablesAndCapturesValues() {
        Fake f = new Fake().server(1, "+OK ready", "+OK 2 320", "+OK 320 octets");
        assertNull(f.run("t.pop3", lines(
                "S: +OK ...",
                "C: USER ${user}",
                "C: PASS ${password}",
                "S: +OK {{n=\\d+}} {{size=\\d+}}",
                "C: RETR ${n}",
                "S: +OK ${size} octets")));
        assertEquals("USER joe\r\nPASS secret\r\nRETR 2\r\n", f.sent(1));
    }

    @Test
    public void dataLinesAreDotStuffedAndEndWithADot() {
        Fake f = new Fake().server(1, "354 go", "250 ok");
        assertNull(f.run("t.lmtp", lines(
                "C: DATA",
                "S: 354 ...",
                "D: Subject: dots",
                "D:",
                "D: .leading",
                "D: .",
                "D: a${crlf}.b",
                "S: 250 ok")));
        assertEquals("DATA\r\nSubject: dots\r\n\r\n..leading\r\n..\r\na\r\n..b\r\n.\r\n", f.sent(1));
    }

    @Test
    public void aMismatchReportsTheScriptLineTheExpectationAndTheServerLine() {
        Fake f = new Fake().server(1, "+OK hi", "-ERR no");
        LineScriptRunner.Failure failure = f.run("m.pop3", lines("S: +OK hi", "C: NOOP", "", "S: +OK"));
        assertNotNull(failure);
        assertEquals("m.pop3:4", failure.location());
        assertTrue(failure.getMessage(), failure.getMessage().contains("expected: +OK")
                && failure.getMessage().contains("actual:   -ERR no"));
    }

    @Test
    public void aGroupMatchesInAnyOrderAndEndsAtTheLastLineOfAnLmtpReply() {
        Fake f = new Fake().server(1, "250-host", "250-PIPELINING", "250-X-FOO bar", "250 8BITMIME", "250 2.0.0 OK");
        assertNull(f.run("g.lmtp", lines(
                "C: LHLO x",
                "S: 250-{{.+}}",
                "S~: 250{{[- ]}}8BITMIME",
                "S~: 250{{[- ]}}PIPELINING",
                "S~?: 250{{[- ]}}SIZE...",
                "S~*: 250{{[- ]}}{{.*}}",
                "C: NOOP",
                "S: 250 2.0.0 OK")));
    }

    @Test
    public void aRequiredGroupLineMissingFromAnLmtpReplyFails() {
        Fake f = new Fake().server(1, "250-host", "250 8BITMIME");
        LineScriptRunner.Failure failure = f.run("g.lmtp", lines(
                "S: 250-host",
                "S~: 250{{[- ]}}8BITMIME",
                "S~: 250{{[- ]}}PIPELINING"));
        assertNotNull(failure);
        assertEquals("g.lmtp:3", failure.location());
    }

    @Test
    public void aPop3GroupEndsAtTheLineThatFollowsIt() {
        Fake f = new Fake().server(1, "+OK", "UIDL", "TOP", "IMPLEMENTATION x", ".");
        assertNull(f.run("g.pop3", lines(
                "S: +OK",
                "S~: TOP",
                "S~: UIDL",
                "S~?: STLS",
                "S~*: {{[A-Z].*}}",
                "S: .")));
    }

    @Test
    public void optionalAndRepeatedLinesMayBeAbsent() {
        Fake f = new Fake().server(1, "+OK", "Received: a", "\tb", "Subject: x", ".");
        assertNull(f.run("o.pop3", lines(
                "S: +OK",
                "S?: -ERR never",
                "S*: {{Received: .*|\\t.*}}",
                "S*: {{X-.*}}",
                "S: Subject: x",
                "S: .")));
    }

    @Test
    public void eofIsExpectedAndReportedWhenUnexpected() {
        assertNull(new Fake().server(1, "+OK bye").run("e.pop3", lines("C: QUIT", "S: +OK bye", "S: <EOF>")));
        LineScriptRunner.Failure failure = new Fake().server(1, "+OK bye").run("e.pop3",
                lines("S: +OK bye", "S: +OK more"));
        assertNotNull(failure);
        assertTrue(failure.getMessage(), failure.getMessage().contains("<EOF"));
    }

    @Test
    public void connectionsUseTheirProtocolAndCanBeClosedAndReopened() {
        Fake f = new Fake().server(1, "+OK pop").server(2, "220 lmtp");
        assertNull(f.run("c.pop3", lines(
                "!connect 2 lmtp",
                "S2: 220 lmtp",
                "C2: QUIT",
                "!close 2",
                "S: +OK pop")));
        assertEquals("lmtp", f.protocols.get(2));
        assertEquals("pop3", f.protocols.get(1));
        assertEquals("QUIT\r\n", f.sent(2));
        assertTrue(f.transcript.toString(), f.transcript.contains("C2: <close>"));
    }
}
