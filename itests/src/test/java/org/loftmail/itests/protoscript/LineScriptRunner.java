package org.loftmail.itests.protoscript;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.loftmail.itests.protoscript.LineScript.Close;
import org.loftmail.itests.protoscript.LineScript.Data;
import org.loftmail.itests.protoscript.LineScript.Expect;
import org.loftmail.itests.protoscript.LineScript.Send;
import org.loftmail.itests.protoscript.LineScript.Sleep;
import org.loftmail.itests.protoscript.LineScript.Step;
import org.loftmail.itests.protoscript.LineScript.Timeout;

/** Executes the steps of one {@link LineScript} (no clean-up: see {@link LineScripts}). */
public final class LineScriptRunner {

    /** The first mismatch: where in the script, what was expected and what the server sent. */
    public static final class Failure extends Exception {
        private final String location;

        public Failure(String location, String expected, String actual) {
            super(location + ": expected: " + expected + "\n    actual:   " + actual);
            this.location = location;
        }

        /** "file:line". */
        public String location() {
            return location;
        }
    }

    /** Opens connection number conn (1 for C:/S:) to the server of the given protocol. */
    @FunctionalInterface
    public interface Connector {
        LineConnection open(int conn, String protocol, Consumer<String> log) throws IOException;
    }

    /** The last line of an SMTP/LMTP reply: the code, then a space or nothing. */
    private static final Pattern REPLY_END = Pattern.compile("[0-9]{3}( .*)?", Pattern.DOTALL);

    private final Connector connector;
    private final Consumer<String> log;
    private final Map<Integer, LineConnection> conns = new LinkedHashMap<>();
    private int timeoutMillis;
    private LineScript script;

    public LineScriptRunner(Connector connector, int timeoutMillis, Consumer<String> log) {
        this.connector = connector;
        this.timeoutMillis = timeoutMillis;
        this.log = log;
    }

    /** Runs all steps; closes every connection afterwards. */
    public void run(LineScript script, ScriptVars vars) throws Failure {
        this.script = script;
        try {
            List<Step> steps = script.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                try {
                    if (step instanceof Expect e && e.unordered()) {
                        List<Expect> group = new ArrayList<>();
                        group.add(e);
                        while (i + 1 < steps.size() && steps.get(i + 1) instanceof Expect n && n.unordered()
                                && n.conn() == e.conn()) {
                            group.add(n);
                            i++;
                        }
                        expectGroup(group, vars);
                    } else {
                        execute(step, vars);
                    }
                } catch (SocketTimeoutException ex) {
                    throw new Failure(loc(step.line()), describe(step),
                            "<timeout: no line within " + timeoutMillis + " ms>");
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
            conns.values().forEach(LineConnection::close);
            conns.clear();
        }
    }

    private void execute(Step step, ScriptVars vars) throws IOException, InterruptedException, Failure {
        switch (step) {
            case Sleep s -> {
                flushAll();
                Thread.sleep(s.millis());
            }
            case Timeout t -> {
                timeoutMillis = t.millis();
                for (LineConnection c : conns.values()) {
                    c.setTimeout(timeoutMillis);
                }
            }
            case Send s -> send(s.conn(), vars.expand(s.text()) + "\r\n", "C");
            case Data d -> send(d.conn(), dotStuffed(d.lines(), vars), "D");
            case Expect e -> expectOne(e, vars);
            case Close x -> {
                LineConnection c = conns.remove(x.conn());
                if (c != null) {
                    c.flush();
                    c.log("C" + x.conn() + ": <close>");
                    c.close();
                }
            }
        }
    }

    private static String describe(Step step) {
        return switch (step) {
            case Expect e -> e.describe();
            case Send s -> "(sending) " + s.text();
            case Data d -> "(sending the message)";
            default -> step.toString();
        };
    }

    private String loc(int line) {
        return script.name() + ":" + line;
    }

    private LineConnection conn(int n) throws IOException {
        LineConnection c = conns.get(n);
        if (c == null) {
            c = connector.open(n, script.protocolOf(n), log);
            c.setTimeout(timeoutMillis);
            conns.put(n, c);
        }
        return c;
    }

    private void flushAll() throws IOException {
        for (LineConnection c : conns.values()) {
            c.flush();
        }
    }

    // ---------------------------------------------------------------- sending

    private void send(int n, String text, String label) throws IOException {
        LineConnection c = conn(n);
        String[] lines = text.split("\r\n", -1);
        // the text ends with CRLF: the last element is empty and not a line
        for (int i = 0; i < lines.length - 1; i++) {
            c.log(label + n + ": " + LineConnection.abbreviate(lines[i], 300));
        }
        c.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The message of D: lines as sent after DATA (RFC 5321 4.5.2): every line (a line may hold more
     * after expanding ${crlf}) ends with CRLF, a line starting with "." gets another ".", then ".".
     */
    static String dotStuffed(List<String> lines, ScriptVars vars) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            for (String l : vars.expand(line).split("\r\n", -1)) {
                sb.append(l.startsWith(".") ? "." : "").append(l).append("\r\n");
            }
        }
        return sb.append(".\r\n").toString();
    }

    // ---------------------------------------------------------------- expecting

    private void expectOne(Expect e, ScriptVars vars) throws IOException, Failure {
        LineConnection c = conn(e.conn());
        while (true) {
            String line = c.next();
            Map<String, String> caps = match(e, line, vars);
            if (caps != null) {
                vars.putAll(caps);
                if (e.repeated()) {
                    continue;
                }
                return;
            }
            if (e.mayBeAbsent()) {
                c.pushBack(line);
                return;
            }
            throw new Failure(loc(e.line()), e.describe(), render(line));
        }
    }

    private void expectGroup(List<Expect> group, ScriptVars vars) throws IOException, Failure {
        LineConnection c = conn(group.get(0).conn());
        boolean[] matched = new boolean[group.size()];
        while (true) {
            boolean requiredLeft = false;
            boolean anyLeft = false;
            for (int k = 0; k < group.size(); k++) {
                if (!matched[k]) {
                    anyLeft = true;
                    requiredLeft |= !group.get(k).mayBeAbsent();
                }
            }
            if (!anyLeft) {
                return;
            }
            String line = c.next();
            int hit = matchInGroup(group, matched, line, vars);
            if (hit >= 0) {
                matched[hit] = !group.get(hit).repeated();
                if (endsReply(group.get(0).conn(), line)) {
                    requireAllMatched(group, matched, line);
                    return;
                }
                continue;
            }
            if (!requiredLeft) {
                c.pushBack(line);
                return;
            }
            throw groupFailure(group, matched, line);
        }
    }

    private boolean endsReply(int conn, String line) {
        return script.endsAtReplyEnd(conn) && REPLY_END.matcher(line).matches();
    }

    private void requireAllMatched(List<Expect> group, boolean[] matched, String line) throws Failure {
        for (int k = 0; k < group.size(); k++) {
            if (!matched[k] && !group.get(k).mayBeAbsent()) {
                throw groupFailure(group, matched, line + "  <- the last line of the reply");
            }
        }
    }

    /** The index of the member that matches line (single lines before repeated ones), or -1. */
    private static int matchInGroup(List<Expect> group, boolean[] matched, String line, ScriptVars vars) {
        for (boolean repeatedPass : new boolean[] {false, true}) {
            for (int k = 0; k < group.size(); k++) {
                Expect e = group.get(k);
                if (matched[k] || e.repeated() != repeatedPass) {
                    continue;
                }
                Map<String, String> caps = match(e, line, vars);
                if (caps != null) {
                    vars.putAll(caps);
                    return k;
                }
            }
        }
        return -1;
    }

    private Failure groupFailure(List<Expect> group, boolean[] matched, String line) {
        StringBuilder expected = new StringBuilder("one of the unordered lines:");
        int first = -1;
        for (int k = 0; k < group.size(); k++) {
            Expect e = group.get(k);
            if (!matched[k]) {
                if (first < 0 && !e.mayBeAbsent()) {
                    first = e.line();
                }
                expected.append("\n      ").append(loc(e.line())).append(": ").append(e.describe());
            }
        }
        return new Failure(loc(first), expected.toString(), render(line));
    }

    /** The captures of a matching line (possibly empty), or null. */
    private static Map<String, String> match(Expect e, String line, ScriptVars vars) {
        if (e.eof() || line == LineConnection.EOF) {
            return e.eof() && line == LineConnection.EOF ? Map.of() : null;
        }
        return e.pattern().match(line, vars);
    }

    private static String render(String line) {
        return line == LineConnection.EOF ? "<EOF: connection closed by server>" : line;
    }
}
