package org.loftmail.itests.imapscript;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import org.loftmail.itests.imapscript.ImapScript.Expect;
import org.loftmail.itests.imapscript.ImapScript.Send;
import org.loftmail.itests.protoscript.LinePattern;
import org.loftmail.itests.protoscript.ScriptVars;

/**
 * The script format, pattern matching and runner, on in-memory examples: the "server" is a canned byte
 * string per connection and what the client sent is captured (no IMAP server, no Pax Exam).
 */
public class ImapScriptFormatTest {

    // ------------------------------------------------------------------ helpers

    /** Runs a script against canned server output per connection; returns the failure or null. */
    private static final class Fake {
        final Map<Integer, String> server = new HashMap<>();
        final Map<Integer, ByteArrayOutputStream> sent = new HashMap<>();
        final List<String> transcript = new ArrayList<>();
        final ScriptVars vars = new ScriptVars(Map.of("user", "joe", "password", "secret"));

        Fake server(int conn, String... lines) {
            server.put(conn, String.join("\r\n", lines) + "\r\n");
            return this;
        }

        ImapScriptRunner.Failure run(String script) {
            ImapScript parsed = ImapScript.parse("t.imap", script);
            ImapScriptRunner runner = new ImapScriptRunner((n, log) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                sent.put(n, out);
                byte[] in = server.getOrDefault(n, "").getBytes(StandardCharsets.UTF_8);
                return new ImapConnection(new ByteArrayInputStream(in), out, "S" + n, log);
            }, 1000, transcript::add);
            try {
                runner.run(parsed, vars);
                return null;
            } catch (ImapScriptRunner.Failure f) {
                return f;
            }
        }

        String sent(int conn) {
            return sent.get(conn).toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> match(String pattern, String actual) {
        return LinePattern.parse(pattern).match(actual, new ScriptVars(Map.of("x", "a.b")));
    }

    private static void assertSyntaxError(String script, String expectedLocation) {
        try {
            ImapScript.parse("bad.imap", script);
            fail("expected a syntax error");
        } catch (ImapScript.SyntaxException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(expectedLocation + ": "));
        }
    }

    // ------------------------------------------------------------------ parsing

    @Test
    public void parsesLinesConnectionsModifiersAndBlocks() {
        ImapScript s = ImapScript.parse("p.imap", String.join("\n",
                "# comment",
                "S: * OK ...",
                "",
                "C: a1 APPEND INBOX {}",
                "| Subject: x",
                "|",
                "| body",
                "C:",
                "S2~: * 1 EXISTS",
                "S2~?: * 1 RECENT",
                "S2: b1 OK ...",
                "S: * 1 FETCH (BODY[] {}",
                "\\ abc",
                "S: )",
                "!sleep 10",
                "!timeout 20000"));
        assertEquals(8, s.steps().size());
        assertEquals(20000, ((ImapScript.Timeout) s.steps().get(7)).millis());
        Send send = (Send) s.steps().get(1);
        assertEquals(4, send.line());
        assertEquals(2, send.parts().size());
        assertEquals("a1 APPEND INBOX ", send.parts().get(0).text());
        assertEquals(3, send.parts().get(0).literal().block().size());
        assertFalse(send.parts().get(0).literal().nonSync());
        assertEquals("", send.parts().get(1).text());
        Expect e = (Expect) s.steps().get(3);
        assertEquals(2, e.conn());
        assertTrue(e.unordered());
        assertTrue(e.optional());
        assertEquals(10, e.line());
        Expect lit = (Expect) s.steps().get(5);
        assertEquals(2, lit.parts().size());
        assertTrue(lit.parts().get(0).literal().exact());
        assertFalse(lit.parts().get(0).literal().block().get(0).crlf());
        assertEquals(14, lit.parts().get(1).line());
        assertTrue(s.steps().get(6) instanceof ImapScript.Sleep);
    }

    @Test
    public void syntaxErrorsNameFileAndLine() {
        assertSyntaxError("S: * OK\n| stray block line", "bad.imap:2");
        assertSyntaxError("C: a1 APPEND INBOX {}\n| x\nS: a1 OK", "bad.imap:3");
        assertSyntaxError("S: * 1 FETCH (BODY[] {}\n| x\nC: a1 OK\n", "bad.imap:3");
        assertSyntaxError("S: ok\nX: what", "bad.imap:2");
        assertSyntaxError("!frobnicate", "bad.imap:1");
        assertSyntaxError("S: x\n!timeout soon", "bad.imap:2");
        assertSyntaxError("C: a1 NOOP\nS?: * 1 EXISTS\nC: a2 NOOP", "bad.imap:2");
        assertSyntaxError("S: {{unclosed", "bad.imap:1");
        assertSyntaxError("S: {{[bad regex}}", "bad.imap:1");
        assertSyntaxError("C~: a1 NOOP", "bad.imap:1");
    }

    // ------------------------------------------------------------------ patterns

    @Test
    public void literalTextAndRest() {
        assertNotNull(match("a1 OK done", "a1 OK done"));
        assertNull(match("a1 OK done", "a1 OK done."));
        assertNotNull(match("a1 OK ...", "a1 OK anything [X] at all"));
        assertNotNull(match("a1 OK ...", "a1 OK"));
        assertNull(match("a1 OK ...", "a1 OKAY"));
        assertNotNull(match("a1 OK...", "a1 OKAY"));
        // regex metacharacters in literal text are literal
        assertNotNull(match("* FLAGS (\\Seen $x.y)", "* FLAGS (\\Seen $x.y)"));
        assertNull(match("* 1 FETCH (A.B)", "* 1 FETCH (AxB)"));
    }

    @Test
    public void regexCaptureAndVariables() {
        Map<String, String> c = match("* OK [UIDVALIDITY {{uv=\\d+}}] ...", "* OK [UIDVALIDITY 42] UIDs valid");
        assertEquals(Map.of("uv", "42"), c);
        assertNotNull(match("a1 {{OK|NO}} ...", "a1 NO failed"));
        assertNull(match("a1 {{OK|NO}} ...", "a1 BAD failed"));
        // ${x} is compared literally, also inside a regex
        assertNotNull(match("name ${x}", "name a.b"));
        assertNull(match("name ${x}", "name axb"));
        assertNotNull(match("{{(?:${x}|zz)}}", "a.b"));
        // "}}" followed by "}" belongs to the regex
        assertNotNull(match("n={{\\d{2}}}", "n=42"));
        assertNull(match("n={{\\d{2}}}", "n=423"));
    }

    @Test
    public void setAndIncludes() {
        assertNotNull(match("* FLAGS ({{set:\\Seen \\Flagged}})", "* FLAGS (\\Flagged \\Seen)"));
        assertNotNull(match("* FLAGS ({{set:\\Seen \\Flagged}})", "* FLAGS (\\flagged \\SEEN)"));
        assertNull(match("* FLAGS ({{set:\\Seen \\Flagged}})", "* FLAGS (\\Flagged \\Seen \\Draft)"));
        assertNull(match("* FLAGS ({{set:\\Seen \\Flagged}})", "* FLAGS (\\Seen)"));
        assertNotNull(match("* FLAGS ({{set:}})", "* FLAGS ()"));
        assertNotNull(match("* CAPABILITY {{includes:IMAP4rev1 IDLE}}", "* CAPABILITY IMAP4rev1 SASL-IR IDLE X"));
        assertNull(match("* CAPABILITY {{includes:IMAP4rev1 IDLE}}", "* CAPABILITY IMAP4rev1 SASL-IR"));
        assertNotNull(match("* OK [CAPABILITY {{includes:IMAP4rev1}}] ...", "* OK [CAPABILITY IMAP4rev1 ID] hi"));
    }

    @Test
    public void variableFunctions() {
        ScriptVars v = new ScriptVars(Map.of("user", "joe", "password", "secret"));
        assertEquals("AGpvZQBzZWNyZXQ=", v.expand("${base64:\\0${user}\\0${password}}"));
        assertEquals("xxxx!", v.expand("${repeat:4:x}!"));
        assertEquals("joe/joe", v.expand("${user}/${user}"));
        try {
            v.expand("${nope}");
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("nope"));
        }
    }

    // ------------------------------------------------------------------ running (in memory)

    @Test
    public void fullExchangePassesAndSendsTheRightBytes() {
        Fake f = new Fake().server(1,
                "* OK ready",
                "a1 OK logged in",
                "+ go ahead",
                "a2 OK [APPENDUID 77 1] done",
                "* 1 RECENT",
                "* 1 EXISTS",
                "* OK [UIDVALIDITY 77] x",
                "a3 OK [READ-WRITE] selected",
                "* 1 FETCH (UID 1 BODY[] {17}",
                "Subject: hi\r\n\r\nyo)",
                "a4 OK done",
                "+ ",
                "a5 OK [AUTHENTICATIONFAILED] odd but fine",
                "* BYE bye",
                "a6 OK bye")
                .server(2, "* OK second");
        ImapScriptRunner.Failure failure = f.run(String.join("\n",
                "S: * OK ...",
                "C: a1 LOGIN {+:${user}} ${password}",
                "S: a1 OK ...",
                "C: a2 APPEND INBOX {}",
                "| Subject: hi",
                "|",
                "\\ yo",
                "C:",
                "S: a2 OK [APPENDUID {{uv=\\d+}} 1] ...",
                "C: a3 SELECT INBOX",
                "S~: * 1 EXISTS",
                "S~: * 1 RECENT",
                "S~?: * OK [UNSEEN 1] ...",
                "S~: * OK [UIDVALIDITY ${uv}] ...",
                "S?: * OK [HIGHESTMODSEQ 1] ...",
                "S: a3 OK [READ-WRITE] ...",
                "C: a4 FETCH 1 BODY[]",
                "S: * 1 FETCH (UID 1 BODY[] {}",
                "| Subject: hi",
                "|",
                "\\ yo",
                "S: )",
                "S: a4 OK ...",
                "S2: * OK second",
                "C: a5 AUTHENTICATE PLAIN",
                "S: + {{.*}}",
                "C: ${base64:\\0${user}\\0${password}}",
                "S: a5 OK ...",
                "C: a6 LOGOUT",
                "S: * BYE ...",
                "S: a6 OK ...",
                "S: <EOF>"));
        assertNull(failure == null ? null : failure.getMessage(), failure);
        assertEquals("a1 LOGIN {3+}\r\njoe secret\r\n"
                + "a2 APPEND INBOX {17}\r\nSubject: hi\r\n\r\nyo\r\n"
                + "a3 SELECT INBOX\r\n"
                + "a4 FETCH 1 BODY[]\r\n"
                + "a5 AUTHENTICATE PLAIN\r\nAGpvZQBzZWNyZXQ=\r\n"
                + "a6 LOGOUT\r\n", f.sent(1));
        assertEquals("", f.sent(2));
        assertEquals("77", f.vars.get("uv"));
    }

    @Test
    public void mismatchReportsFileLineExpectedAndActual() {
        Fake f = new Fake().server(1, "* OK ready", "a1 NO [AUTHENTICATIONFAILED] no");
        ImapScriptRunner.Failure failure = f.run(String.join("\n",
                "S: * OK ...",
                "C: a1 LOGIN ${user} ${password}",
                "# a comment line",
                "S: a1 OK ..."));
        assertNotNull(failure);
        assertEquals("t.imap:4", failure.location());
        assertEquals("a1 OK ...", failure.expected());
        assertEquals("a1 NO [AUTHENTICATIONFAILED] no", failure.actual());
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("t.imap:4: expected: a1 OK ..."));
    }

    @Test
    public void literalMismatchPointsAtTheBlockLine() {
        Fake f = new Fake().server(1, "* 1 FETCH (BODY[] {12}", "Line1\r\nLine2)");
        ImapScriptRunner.Failure failure = f.run(String.join("\n",
                "S: * 1 FETCH (BODY[] {}",
                "| Line1",
                "\\ Line3",
                "S: )"));
        assertNotNull(failure);
        assertEquals("t.imap:3", failure.location());
        assertEquals("literal line 2: Line2", failure.actual());
    }

    @Test
    public void patternLiteralAndUnexpectedLiteral() {
        Fake ok = new Fake().server(1, "* 1 FETCH (BODY[] {14}", "Date: 1234\r\n\r\n)");
        assertNull(ok.run("S: * 1 FETCH (BODY[] {*}\n| Date: {{\\d+}}\n|\nS: )"));
        Fake ignored = new Fake().server(1, "* 1 FETCH (BODY[] {3}", "abc)");
        assertNull(ignored.run("S: * 1 FETCH (BODY[] {*}\nS: )"));
        Fake rest = new Fake().server(1, "* 1 FETCH (BODY[] {3}", "abc)");
        assertNull(rest.run("S: * 1 FETCH ..."));
        Fake unexpected = new Fake().server(1, "* 1 FETCH (BODY[] {3}", "abc)");
        ImapScriptRunner.Failure f = unexpected.run("S: * 1 FETCH (BODY[] \"abc\")");
        assertNotNull(f);
        assertEquals("t.imap:1", f.location());
    }

    @Test
    public void unorderedGroupFailureListsTheMissingLines() {
        Fake f = new Fake().server(1, "* 2 EXISTS", "* 5 RECENT", "a1 OK");
        ImapScriptRunner.Failure failure = f.run(String.join("\n",
                "S~: * 2 EXISTS",
                "S~: * 0 RECENT",
                "S: a1 OK"));
        assertNotNull(failure);
        assertEquals("t.imap:2", failure.location());
        assertEquals("* 5 RECENT", failure.actual());
        assertTrue(failure.expected(), failure.expected().contains("* 0 RECENT"));
    }

    @Test
    public void synchronizingLiteralNeedsAContinuation() {
        Fake f = new Fake().server(1, "a1 NO [TRYCREATE] no such mailbox");
        ImapScriptRunner.Failure failure = f.run("C: a1 APPEND nosuch {}\n| x\nC:\nS: a1 OK");
        assertNotNull(failure);
        assertEquals("t.imap:1", failure.location());
        assertEquals("a1 NO [TRYCREATE] no such mailbox", failure.actual());
        // written by hand, the literal is just text: the server's refusal can be matched
        Fake g = new Fake().server(1, "a1 NO [TRYCREATE] no such mailbox");
        assertNull(g.run("C: a1 APPEND nosuch {5}\nS: a1 NO [TRYCREATE] ..."));
        assertEquals("a1 APPEND nosuch {5}\r\n", g.sent(1));
    }

    @Test
    public void endOfStreamIsReported() {
        Fake f = new Fake().server(1, "* OK hi");
        ImapScriptRunner.Failure failure = f.run("S: * OK hi\nC: a1 NOOP\nS: a1 OK ...");
        assertNotNull(failure);
        assertEquals("t.imap:3", failure.location());
        assertTrue(failure.actual(), failure.actual().contains("EOF"));
        assertNull(new Fake().server(1, "* BYE x").run("S: * BYE x\nS: <EOF>"));
    }
}
