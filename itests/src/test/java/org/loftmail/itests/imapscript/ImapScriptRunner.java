package org.loftmail.itests.imapscript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.loftmail.itests.imapscript.ImapConnection.Response;
import org.loftmail.itests.imapscript.ImapScript.BlockLine;
import org.loftmail.itests.imapscript.ImapScript.Expect;
import org.loftmail.itests.imapscript.ImapScript.ExpectPart;
import org.loftmail.itests.imapscript.ImapScript.Send;
import org.loftmail.itests.imapscript.ImapScript.SendPart;
import org.loftmail.itests.imapscript.ImapScript.Sleep;
import org.loftmail.itests.imapscript.ImapScript.Step;
import org.loftmail.itests.imapscript.ImapScript.Timeout;
import org.loftmail.itests.protoscript.LinePattern;
import org.loftmail.itests.protoscript.ScriptVars;

/** Executes the steps of one {@link ImapScript} against a server (no clean-up: see {@link ImapScripts}). */
public final class ImapScriptRunner {

    /** The first mismatch: where in the script, what was expected and what the server sent. */
    public static final class Failure extends Exception {
        private final String location;
        private final String expected;
        private final String actual;

        public Failure(String location, String expected, String actual) {
            super(location + ": expected: " + expected + "\n    actual:   " + actual);
            this.location = location;
            this.expected = expected;
            this.actual = actual;
        }

        public String location() {
            return location;
        }

        public String expected() {
            return expected;
        }

        public String actual() {
            return actual;
        }
    }

    /** The outcome of matching one response against one expectation. */
    private record Outcome(Map<String, String> captures, int line, String expected, String actual) {
        boolean ok() {
            return captures != null;
        }
    }

    /** Opens the connection with the given number (1 for C:/S:, 2 for C2:/S2:, ...). */
    @FunctionalInterface
    public interface Connector {
        ImapConnection open(int conn, Consumer<String> log) throws IOException;
    }

    private final Connector connector;
    private int timeoutMillis;
    private final Consumer<String> log;
    private final Map<Integer, ImapConnection> conns = new LinkedHashMap<>();
    private String file;

    /** Connections to host:port, opened when a script first uses them; reads time out after timeoutMillis. */
    public ImapScriptRunner(String host, int port, int timeoutMillis, Consumer<String> log) {
        this((n, l) -> new ImapConnection(host, port, timeoutMillis, "S" + n, l), timeoutMillis, log);
    }

    public ImapScriptRunner(Connector connector, int timeoutMillis, Consumer<String> log) {
        this.connector = connector;
        this.timeoutMillis = timeoutMillis;
        this.log = log;
    }

    /** Runs all steps; closes every connection afterwards. */
    public void run(ImapScript script, ScriptVars vars) throws Failure {
        file = script.name();
        try {
            List<Step> steps = script.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                try {
                    if (step instanceof Sleep s) {
                        Thread.sleep(s.millis());
                    } else if (step instanceof Timeout t) {
                        timeoutMillis = t.millis();
                        for (ImapConnection c : conns.values()) {
                            c.setTimeout(timeoutMillis);
                        }
                    } else if (step instanceof ImapScript.Switch w) {
                        ImapConnection c = conn(w.conn());
                        if (w.layer() == ImapScript.Layer.TLS) {
                            c.startTls();
                        } else {
                            c.startCompression();
                        }
                    } else if (step instanceof Send s) {
                        send(s, vars);
                    } else if (step instanceof Expect e && e.unordered()) {
                        List<Expect> group = new ArrayList<>();
                        group.add(e);
                        while (i + 1 < steps.size() && steps.get(i + 1) instanceof Expect n && n.unordered()
                                && n.conn() == e.conn()) {
                            group.add(n);
                            i++;
                        }
                        expectGroup(group, vars);
                    } else if (step instanceof Expect e) {
                        expectOne(e, vars);
                    }
                } catch (SocketTimeoutException ex) {
                    throw new Failure(loc(step.line()), describe(step),
                            "<timeout: no complete response within " + timeoutMillis + " ms>");
                } catch (IOException ex) {
                    throw new Failure(loc(step.line()), describe(step), "<I/O error: " + ex + ">");
                } catch (IllegalArgumentException ex) {
                    throw new Failure(loc(step.line()), describe(step), "<script error: " + ex.getMessage() + ">");
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new Failure(loc(step.line()), describe(step), "<interrupted>");
                }
            }
        } finally {
            for (ImapConnection c : conns.values()) {
                c.close();
            }
            conns.clear();
        }
    }

    private static String describe(Step step) {
        if (step instanceof Expect e) {
            return e.describe();
        }
        if (step instanceof Send s) {
            return "(sending) " + s.parts().get(0).text();
        }
        return step.toString();
    }

    private String loc(int line) {
        return file + ":" + line;
    }

    private ImapConnection conn(int n) throws IOException {
        ImapConnection c = conns.get(n);
        if (c == null) {
            c = connector.open(n, log);
            c.setTimeout(timeoutMillis);
            conns.put(n, c);
        }
        return c;
    }

    // ---------------------------------------------------------------- sending

    private void send(Send s, ScriptVars vars) throws IOException, Failure {
        ImapConnection c = conn(s.conn());
        String label = "C" + s.conn();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringBuilder shown = new StringBuilder();
        for (SendPart part : s.parts()) {
            String raw = part.text();
            int i = 0;
            while (i < raw.length()) {
                int start = raw.indexOf("{:", i);
                int startPlus = raw.indexOf("{+:", i);
                boolean plus = startPlus >= 0 && (start < 0 || startPlus < start);
                int at = plus ? startPlus : start;
                if (at < 0) {
                    break;
                }
                int end = ScriptVars.closingBrace(raw, at + (plus ? 3 : 2));
                if (end < 0) {
                    break;
                }
                String before = vars.expand(raw.substring(i, at));
                buf.writeBytes(before.getBytes(StandardCharsets.UTF_8));
                shown.append(before);
                byte[] lit = vars.expand(raw.substring(at + (plus ? 3 : 2), end)).getBytes(StandardCharsets.UTF_8);
                sendLiteral(c, label, part.line(), buf, shown, lit, plus);
                i = end + 1;
            }
            String rest = vars.expand(raw.substring(i));
            buf.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
            shown.append(rest);
            if (part.literal() != null) {
                sendLiteral(c, label, part.line(), buf, shown, blockBytes(part.literal().block(), vars),
                        part.literal().nonSync());
            }
        }
        buf.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        c.log(label + ": " + ImapConnection.abbreviate(shown.toString(), 300));
        c.write(buf.toByteArray());
        c.flush();
    }

    private void sendLiteral(ImapConnection c, String label, int line, ByteArrayOutputStream buf,
                             StringBuilder shown, byte[] lit, boolean nonSync) throws IOException, Failure {
        String announce = "{" + lit.length + (nonSync ? "+" : "") + "}";
        buf.writeBytes(announce.getBytes(StandardCharsets.US_ASCII));
        buf.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        shown.append(announce);
        c.log(label + ": " + ImapConnection.abbreviate(shown.toString(), 300));
        shown.setLength(0);
        if (!nonSync) {
            c.write(buf.toByteArray());
            c.flush();
            buf.reset();
            Response r = c.next();
            if (r.eof() || !r.first().startsWith("+")) {
                throw new Failure(loc(line), "+ ... (continuation request for the synchronizing literal "
                        + announce + ")", r.render());
            }
        }
        buf.writeBytes(lit);
        for (String l : ImapConnection.literalLines(new String(lit, StandardCharsets.UTF_8))) {
            c.log(label + "| " + ImapConnection.abbreviate(l, 300));
        }
    }

    static byte[] blockBytes(List<BlockLine> block, ScriptVars vars) {
        StringBuilder sb = new StringBuilder();
        for (BlockLine b : block) {
            sb.append(vars.expand(b.text()));
            if (b.crlf()) {
                sb.append("\r\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- expecting

    private void expectOne(Expect e, ScriptVars vars) throws IOException, Failure {
        ImapConnection c = conn(e.conn());
        Response r = c.next();
        Outcome o = match(e, r, vars);
        if (o.ok()) {
            vars.putAll(o.captures());
            return;
        }
        if (e.optional()) {
            c.pushBack(r);
            return;
        }
        throw new Failure(loc(o.line()), o.expected(), o.actual());
    }

    private void expectGroup(List<Expect> group, ScriptVars vars) throws IOException, Failure {
        ImapConnection c = conn(group.get(0).conn());
        boolean[] matched = new boolean[group.size()];
        while (true) {
            boolean requiredLeft = false;
            boolean anyLeft = false;
            for (int k = 0; k < group.size(); k++) {
                if (!matched[k]) {
                    anyLeft = true;
                    requiredLeft |= !group.get(k).optional();
                }
            }
            if (!anyLeft) {
                return;
            }
            Response r = c.next();
            Outcome firstFail = null;
            boolean hit = false;
            for (int k = 0; k < group.size() && !hit; k++) {
                if (matched[k]) {
                    continue;
                }
                Outcome o = match(group.get(k), r, vars);
                if (o.ok()) {
                    matched[k] = true;
                    vars.putAll(o.captures());
                    hit = true;
                } else if (firstFail == null && !group.get(k).optional()) {
                    firstFail = o;
                }
            }
            if (hit) {
                continue;
            }
            if (!requiredLeft) {
                c.pushBack(r);
                return;
            }
            StringBuilder expected = new StringBuilder("one of the unordered lines:");
            int line = -1;
            for (int k = 0; k < group.size(); k++) {
                if (!matched[k]) {
                    Expect e = group.get(k);
                    if (line < 0 && !e.optional()) {
                        line = e.line();
                    }
                    expected.append("\n      ").append(loc(e.line())).append(": ").append(e.describe());
                }
            }
            throw new Failure(loc(line), expected.toString(), r.render());
        }
    }

    /** Matches one response against one expectation; captures are returned, not yet stored. */
    private Outcome match(Expect e, Response r, ScriptVars vars) {
        if (e.eof()) {
            return r.eof() ? new Outcome(Map.of(), e.line(), null, null)
                    : new Outcome(null, e.line(), "<EOF>", r.render());
        }
        if (r.eof()) {
            return new Outcome(null, e.line(), e.describe(), r.render());
        }
        ScriptVars local = vars.copy();
        Map<String, String> captures = new LinkedHashMap<>();
        List<ExpectPart> parts = e.parts();
        for (int i = 0; i < parts.size(); i++) {
            ExpectPart part = parts.get(i);
            String expectedText = part.pattern().source() + (part.literal() == null ? ""
                    : part.literal().exact() ? "{}" : "{*}");
            if (i >= r.texts().size()) {
                return new Outcome(null, part.line(), expectedText, "<response already ended>: " + r.render());
            }
            String text = r.texts().get(i);
            boolean hasLiteral = i < r.literals().size();
            boolean last = i == parts.size() - 1;
            String shownActual = hasLiteral ? text + "{" + r.literals().get(i).getBytes(StandardCharsets.UTF_8).length
                    + "}" : text;
            if (part.literal() == null && hasLiteral && !(last && part.pattern().endsWithRest())) {
                return new Outcome(null, part.line(), expectedText, shownActual + "  <- server sent a literal"
                        + " (write {} or {*} at the end of the S line)");
            }
            if (part.literal() != null && !hasLiteral) {
                return new Outcome(null, part.line(), expectedText, shownActual + "  <- no literal");
            }
            Map<String, String> caps = part.pattern().match(text, local);
            if (caps == null) {
                return new Outcome(null, part.line(), expectedText, shownActual);
            }
            captures.putAll(caps);
            local.putAll(caps);
            if (part.literal() != null) {
                Outcome lo = matchLiteral(part, r.literals().get(i), local, captures);
                if (lo != null) {
                    return lo;
                }
            }
            if (last && i < r.texts().size() - 1 && !part.pattern().endsWithRest()) {
                return new Outcome(null, part.line(), expectedText, shownActual + "  <- the response continues: "
                        + r.render());
            }
        }
        return new Outcome(captures, e.line(), null, null);
    }

    /** Null if the literal matches, else the mismatch. */
    private Outcome matchLiteral(ExpectPart part, String actual, ScriptVars local, Map<String, String> captures) {
        List<BlockLine> block = part.literal().block();
        if (!part.literal().exact() && block.isEmpty()) {
            return null; // {*} without a block: any content
        }
        List<String> lines = new ArrayList<>(List.of(actual.split("\r\n", -1)));
        boolean lastHasCrlf = actual.isEmpty() || actual.endsWith("\r\n");
        if (lastHasCrlf) {
            lines.remove(lines.size() - 1);
        }
        if (part.literal().exact()) {
            String expected = new String(blockBytes(block, local), StandardCharsets.UTF_8);
            if (expected.equals(actual)) {
                return null;
            }
        }
        int n = Math.max(lines.size(), block.size());
        for (int k = 0; k < n; k++) {
            int line = k < block.size() ? block.get(k).line() : block.isEmpty() ? part.line()
                    : block.get(block.size() - 1).line();
            if (k >= block.size()) {
                return new Outcome(null, line, "<end of literal>", "literal line " + (k + 1) + ": " + lines.get(k));
            }
            BlockLine b = block.get(k);
            if (k >= lines.size()) {
                return new Outcome(null, line, b.text(), "<end of literal (" + lines.size() + " lines)>");
            }
            boolean actualCrlf = k < lines.size() - 1 || lastHasCrlf;
            boolean ok;
            if (part.literal().exact()) {
                ok = local.expand(b.text()).equals(lines.get(k));
            } else {
                Map<String, String> caps = LinePattern.parse(b.text()).match(lines.get(k), local);
                ok = caps != null;
                if (ok) {
                    captures.putAll(caps);
                    local.putAll(caps);
                }
            }
            if (!ok) {
                return new Outcome(null, line, b.text(), "literal line " + (k + 1) + ": " + lines.get(k));
            }
            if (actualCrlf != b.crlf()) {
                return new Outcome(null, line, b.text() + (b.crlf() ? " + CRLF" : " (no CRLF)"),
                        "literal line " + (k + 1) + (actualCrlf ? " ends with CRLF" : " has no CRLF"));
            }
        }
        if (part.literal().exact()) {
            return new Outcome(null, part.line(), "literal content as in the block", "differs: "
                    + actual.replace("\r\n", "\\r\\n"));
        }
        return null;
    }
}
