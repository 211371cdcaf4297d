package org.loftmail.itests.protoscript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed script of a line protocol (POP3, LMTP, ...; format: see
 * {@code src/test/resources/pop3-scripts/README.md}). Every server response is one line, every client
 * command one line; {@code D:} lines are a message sent with dot-stuffing and a final dot.
 */
public final class LineScript {

    /** A syntax error in a script, with file:line. */
    public static final class SyntaxException extends RuntimeException {
        private final String location;
        private final String problem;

        public SyntaxException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
            this.location = file + ":" + line;
            this.problem = message;
        }

        /** "file:line". */
        public String location() {
            return location;
        }

        public String problem() {
            return problem;
        }
    }

    public sealed interface Step permits Send, Data, Expect, Sleep, Timeout, Close {
        int line();
    }

    /** "C: text": one client line on connection conn. */
    public record Send(int line, int conn, String text) implements Step {
    }

    /** Consecutive "D:" lines: a message body, sent dot-stuffed and ended by ".". */
    public record Data(int line, int conn, List<String> lines) implements Step {
    }

    /**
     * One expected server line ("S:"), or the end of the connection ({@code <EOF>}). unordered: member of
     * an "S~:" group; optional: "?" (may be missing); repeated: "*" (any number of lines, also none).
     */
    public record Expect(int line, int conn, boolean unordered, boolean optional, boolean repeated, boolean eof,
                         LinePattern pattern) implements Step {
        public String describe() {
            return eof ? "<EOF>" : pattern.source();
        }

        /** True when the step may match no line at all. */
        boolean mayBeAbsent() {
            return optional || repeated;
        }
    }

    /** "!sleep N": pause N milliseconds. */
    public record Sleep(int line, long millis) implements Step {
    }

    /** "!timeout N": from here on, wait at most N milliseconds for each server line. */
    public record Timeout(int line, int millis) implements Step {
    }

    /** "!close N": the client closes connection N (a later use of N opens a new connection). */
    public record Close(int line, int conn) implements Step {
    }

    private static final Pattern PREFIX = Pattern.compile("^([CSD])([0-9]*)([~?*]*):(.*)$", Pattern.DOTALL);
    private static final Pattern CONNECT = Pattern.compile("connect\\s+([0-9]+)\\s+([a-z0-9]+)");

    private final String name;
    private final String protocol;
    private final List<Step> steps;
    private final Map<Integer, String> protocols;

    private LineScript(String name, String protocol, List<Step> steps, Map<Integer, String> protocols) {
        this.name = name;
        this.protocol = protocol;
        this.steps = steps;
        this.protocols = protocols;
    }

    public String name() {
        return name;
    }

    /** The script's protocol: its file extension ("pop3" for x.pop3). */
    public String protocol() {
        return protocol;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The protocol of connection conn: as "!connect N PROTOCOL" says, else the script's. */
    public String protocolOf(int conn) {
        return protocols.getOrDefault(conn, protocol);
    }

    /** The protocols of every connection the script uses. */
    public Set<String> protocolsUsed() {
        Set<String> used = new TreeSet<>();
        for (Step s : steps) {
            used.add(protocolOf(connOf(s)));
        }
        return used;
    }

    static int connOf(Step s) {
        return switch (s) {
            case Send x -> x.conn();
            case Data x -> x.conn();
            case Expect x -> x.conn();
            case Close x -> x.conn();
            default -> 1;
        };
    }

    public static LineScript load(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a script; its protocol is the extension of name. */
    public static LineScript parse(String name, String text) {
        String protocol = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        String[] lines = text.split("\r?\n", -1);
        List<Step> steps = new ArrayList<>();
        Map<Integer, String> protocols = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int lineNo = i + 1;
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                continue;
            }
            if (raw.startsWith("!")) {
                directive(name, lineNo, raw, steps, protocols);
                continue;
            }
            Matcher m = PREFIX.matcher(raw);
            if (!m.matches()) {
                throw new SyntaxException(name, lineNo, "expected C:, S:, D:, #, or ! line, got: " + raw);
            }
            char kind = m.group(1).charAt(0);
            int conn = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
            String mods = m.group(3);
            String body = m.group(4).startsWith(" ") ? m.group(4).substring(1) : m.group(4);
            if (kind != 'S' && !mods.isEmpty()) {
                throw new SyntaxException(name, lineNo, "~, ? and * apply to S: lines only");
            }
            switch (kind) {
                case 'C' -> steps.add(new Send(lineNo, conn, body));
                case 'D' -> addData(steps, lineNo, conn, body);
                default -> steps.add(expect(name, lineNo, conn, mods, body));
            }
        }
        LineScript script = new LineScript(name, protocol, steps, protocols);
        script.validate();
        return script;
    }

    private static void directive(String name, int lineNo, String raw, List<Step> steps,
                                  Map<Integer, String> protocols) {
        String d = raw.substring(1).trim();
        String[] words = d.split("\\s+");
        Matcher connect = CONNECT.matcher(d);
        if (words.length == 2 && words[0].equals("sleep") && words[1].matches("[0-9]{1,7}")) {
            steps.add(new Sleep(lineNo, Long.parseLong(words[1])));
        } else if (words.length == 2 && words[0].equals("timeout") && words[1].matches("[0-9]{1,7}")) {
            steps.add(new Timeout(lineNo, Integer.parseInt(words[1])));
        } else if (words.length == 2 && words[0].equals("close") && words[1].matches("[0-9]{1,3}")) {
            steps.add(new Close(lineNo, Integer.parseInt(words[1])));
        } else if (connect.matches()) {
            int conn = Integer.parseInt(connect.group(1));
            if (steps.stream().anyMatch(s -> connOf(s) == conn && !(s instanceof Sleep || s instanceof Timeout))) {
                throw new SyntaxException(name, lineNo, "!connect " + conn + " after the connection was used");
            }
            protocols.put(conn, connect.group(2));
        } else {
            throw new SyntaxException(name, lineNo, "unknown directive: " + raw);
        }
    }

    private static void addData(List<Step> steps, int lineNo, int conn, String text) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Data d && d.conn() == conn) {
            d.lines().add(text);
        } else {
            List<String> body = new ArrayList<>();
            body.add(text);
            steps.add(new Data(lineNo, conn, body));
        }
    }

    private static Expect expect(String name, int lineNo, int conn, String mods, String body) {
        boolean repeated = mods.contains("*");
        if (body.equals("<EOF>")) {
            if (!mods.isEmpty()) {
                throw new SyntaxException(name, lineNo, "S: <EOF> takes no ~, ? or *");
            }
            return new Expect(lineNo, conn, false, false, false, true, null);
        }
        try {
            return new Expect(lineNo, conn, mods.contains("~"), mods.contains("?") && !repeated, repeated, false,
                    LinePattern.parse(body));
        } catch (IllegalArgumentException e) {
            throw new SyntaxException(name, lineNo, e.getMessage());
        }
    }

    /**
     * True for SMTP-like protocols: there a reply's last line has a space after the code ("250 ..."), the
     * others a dash ("250-..."), so an unordered group ends after a matched last line.
     */
    public boolean endsAtReplyEnd(int conn) {
        return Set.of("lmtp", "smtp", "submission").contains(protocolOf(conn));
    }

    /**
     * A line that may be absent (or an unordered group with such lines) must be followed by another S
     * line of the same connection, so the runner never waits for something that may not come.
     */
    private void validate() {
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof Expect e)) {
                continue;
            }
            boolean needsFollower = e.mayBeAbsent();
            int j = i;
            if (e.unordered()) {
                while (j + 1 < steps.size() && steps.get(j + 1) instanceof Expect n && n.unordered()
                        && n.conn() == e.conn()) {
                    j++;
                    needsFollower |= n.mayBeAbsent();
                }
                i = j;
            }
            if (e.unordered() && endsAtReplyEnd(e.conn())) {
                continue;
            }
            if (needsFollower && !(j + 1 < steps.size() && steps.get(j + 1) instanceof Expect n
                    && n.conn() == e.conn())) {
                throw new SyntaxException(name, e.line(), "an optional or repeated S line (or an unordered group"
                        + " with such lines) must be followed by another S line on the same connection");
            }
        }
    }
}
