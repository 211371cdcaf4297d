package org.loftmail.itests.imapscript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.itests.protoscript.LinePattern;

/**
 * A parsed IMAP protocol script (format: see {@code src/test/resources/imap-scripts/README.md}).
 *
 * <p>A script is a list of steps: {@link Send} (one client command line, possibly with literals),
 * {@link Expect} (one server response, possibly with literals), {@link Sleep} and {@link Timeout}.
 */
public final class ImapScript {

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

    public sealed interface Step permits Send, Expect, Sleep, Timeout, Switch {
        int line();
    }

    /** One line of a literal block: its text and whether CRLF follows it ('|' lines) or not ('\' line). */
    public record BlockLine(int line, String text, boolean crlf) {
    }

    /** A client literal: its content block and whether it is non-synchronizing ({n+}). */
    public record SendLiteral(List<BlockLine> block, boolean nonSync) {
    }

    /** A piece of a client command: text (may hold inline literals), then optionally a block literal. */
    public record SendPart(int line, String text, SendLiteral literal) {
    }

    /** A client command on connection conn (1 = the default "C:"). */
    public record Send(int line, int conn, List<SendPart> parts) implements Step {
    }

    /**
     * A server literal expected after a line: exact (written {} — the block is the exact content) or
     * any ({*} — the block, if any, is a list of line patterns; without a block the content is ignored).
     */
    public record ExpectLiteral(boolean exact, List<BlockLine> block) {
    }

    /** A piece of an expected response: a line pattern, then optionally a literal. */
    public record ExpectPart(int line, LinePattern pattern, ExpectLiteral literal) {
    }

    /** One expected server response on connection conn. */
    public record Expect(int line, int conn, boolean unordered, boolean optional, boolean eof,
                         List<ExpectPart> parts) implements Step {
        public String describe() {
            if (eof) {
                return "<EOF>";
            }
            StringBuilder sb = new StringBuilder();
            for (ExpectPart p : parts) {
                if (sb.length() > 0) {
                    sb.append(" <literal> ");
                }
                sb.append(p.pattern().source());
            }
            return sb.toString();
        }
    }

    /** "!sleep N": pause N milliseconds. */
    public record Sleep(int line, long millis) implements Step {
    }

    /** "!timeout N": from here on, wait at most N milliseconds for each response. */
    public record Timeout(int line, int millis) implements Step {
    }

    /**
     * "!starttls [N]" / "!compress [N]": after the server's OK to STARTTLS or COMPRESS DEFLATE,
     * connection N (default 1) continues in TLS (any certificate accepted: test servers) or raw
     * DEFLATE (RFC 4978).
     */
    public record Switch(int line, int conn, Layer layer) implements Step {
    }

    /** What {@link Switch} puts under the connection. */
    public enum Layer { TLS, DEFLATE }

    private static final Pattern PREFIX = Pattern.compile("^([CS])([0-9]*)([~?]*):(.*)$", Pattern.DOTALL);

    private final String name;
    private final List<Step> steps;

    private ImapScript(String name, List<Step> steps) {
        this.name = name;
        this.steps = steps;
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    public static ImapScript load(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    private record Prefixed(char kind, int conn, boolean unordered, boolean optional, String text) {
    }

    private static Prefixed prefixed(String line) {
        Matcher m = PREFIX.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String mods = m.group(3);
        String text = m.group(4);
        if (text.startsWith(" ")) {
            text = text.substring(1);
        }
        int conn = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
        return new Prefixed(m.group(1).charAt(0), conn, mods.contains("~"), mods.contains("?"), text);
    }

    private static boolean isBlockLine(String line) {
        return line.startsWith("|") || line.startsWith("\\");
    }

    public static ImapScript parse(String name, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String raw = lines[i];
            int lineNo = i + 1;
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                i++;
                continue;
            }
            if (raw.startsWith("!")) {
                String[] words = raw.substring(1).trim().split("\\s+");
                if (words.length == 2 && words[0].equals("sleep") && words[1].matches("[0-9]+")) {
                    steps.add(new Sleep(lineNo, Long.parseLong(words[1])));
                    i++;
                    continue;
                }
                if ((words[0].equals("starttls") || words[0].equals("compress")) && words.length <= 2
                        && (words.length == 1 || words[1].matches("[1-9][0-9]?"))) {
                    int conn = words.length == 1 ? 1 : Integer.parseInt(words[1]);
                    steps.add(new Switch(lineNo, conn, words[0].equals("starttls") ? Layer.TLS : Layer.DEFLATE));
                    i++;
                    continue;
                }
                if (words.length == 2 && words[0].equals("timeout") && words[1].matches("[0-9]{1,7}")) {
                    steps.add(new Timeout(lineNo, Integer.parseInt(words[1])));
                    i++;
                    continue;
                }
                throw new SyntaxException(name, lineNo, "unknown directive: " + raw);
            }
            if (isBlockLine(raw)) {
                throw new SyntaxException(name, lineNo, "literal block line without a preceding"
                        + " C: line ending in {} / {+} or S: line ending in {} / {*}");
            }
            Prefixed p = prefixed(raw);
            if (p == null) {
                throw new SyntaxException(name, lineNo, "expected C:, S:, |, #, or ! line, got: " + raw);
            }
            if (p.kind == 'C') {
                if (p.unordered || p.optional) {
                    throw new SyntaxException(name, lineNo, "~ and ? apply to S: lines only");
                }
                List<SendPart> parts = new ArrayList<>();
                String partText = p.text;
                int partLine = lineNo;
                i++;
                while (true) {
                    SendLiteral literal = null;
                    boolean nonSync = partText.endsWith("{+}");
                    if (nonSync || partText.endsWith("{}")) {
                        partText = partText.substring(0, partText.length() - (nonSync ? 3 : 2));
                        List<BlockLine> block = new ArrayList<>();
                        i = readBlock(name, lines, i, block);
                        literal = new SendLiteral(block, nonSync);
                    }
                    parts.add(new SendPart(partLine, partText, literal));
                    if (literal == null) {
                        break;
                    }
                    Prefixed next = i < lines.length ? prefixed(lines[i]) : null;
                    if (next == null || next.kind != 'C' || next.conn != p.conn) {
                        throw new SyntaxException(name, i + 1, "a C" + (p.conn == 1 ? "" : p.conn)
                                + ": line must follow the literal block (the rest of the command, may be empty)");
                    }
                    partText = next.text;
                    partLine = i + 1;
                    i++;
                }
                steps.add(new Send(lineNo, p.conn, parts));
                continue;
            }
            // S line
            if (p.text.equals("<EOF>")) {
                steps.add(new Expect(lineNo, p.conn, p.unordered, p.optional, true, List.of()));
                i++;
                continue;
            }
            List<ExpectPart> parts = new ArrayList<>();
            String partText = p.text;
            int partLine = lineNo;
            i++;
            while (true) {
                ExpectLiteral literal = null;
                boolean exact = partText.endsWith("{}");
                boolean any = partText.endsWith("{*}");
                if (exact || any) {
                    partText = partText.substring(0, partText.length() - (exact ? 2 : 3));
                    List<BlockLine> block = new ArrayList<>();
                    i = readBlock(name, lines, i, block);
                    literal = new ExpectLiteral(exact, block);
                }
                LinePattern pattern;
                try {
                    pattern = LinePattern.parse(partText);
                } catch (IllegalArgumentException e) {
                    throw new SyntaxException(name, partLine, e.getMessage());
                }
                if (literal != null && !literal.exact()) {
                    for (BlockLine b : literal.block()) {
                        try {
                            LinePattern.parse(b.text());
                        } catch (IllegalArgumentException e) {
                            throw new SyntaxException(name, b.line(), e.getMessage());
                        }
                    }
                }
                parts.add(new ExpectPart(partLine, pattern, literal));
                if (literal == null) {
                    break;
                }
                Prefixed next = i < lines.length ? prefixed(lines[i]) : null;
                if (next == null || next.kind != 'S' || next.conn != p.conn || next.unordered || next.optional) {
                    throw new SyntaxException(name, i + 1, "an S" + (p.conn == 1 ? "" : p.conn)
                            + ": line (the rest of the response after the literal, may be empty) must follow"
                            + " the literal block");
                }
                partText = next.text;
                partLine = i + 1;
                i++;
            }
            steps.add(new Expect(lineNo, p.conn, p.unordered, p.optional, false, parts));
        }
        validate(name, steps);
        return new ImapScript(name, steps);
    }

    private static int readBlock(String name, String[] lines, int i, List<BlockLine> block) {
        while (i < lines.length && isBlockLine(lines[i])) {
            String l = lines[i];
            if (!block.isEmpty() && !block.get(block.size() - 1).crlf()) {
                throw new SyntaxException(name, i + 1, "a '\\' line (no CRLF) must be the last line of a block");
            }
            boolean crlf = l.charAt(0) == '|';
            String t = l.substring(1);
            if (t.startsWith(" ")) {
                t = t.substring(1);
            }
            block.add(new BlockLine(i + 1, t, crlf));
            i++;
        }
        return i;
    }

    /** An optional line or an unordered group with optional members must be followed by an S line. */
    private static void validate(String name, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof Expect e)) {
                continue;
            }
            boolean needsFollower = e.optional();
            int j = i;
            if (e.unordered()) {
                while (j + 1 < steps.size() && steps.get(j + 1) instanceof Expect n && n.unordered()
                        && n.conn() == e.conn()) {
                    j++;
                    needsFollower |= n.optional();
                }
                i = j;
            }
            if (needsFollower && !(j + 1 < steps.size() && steps.get(j + 1) instanceof Expect n
                    && n.conn() == e.conn())) {
                throw new SyntaxException(name, e.line(), "an optional S line (or an unordered group with"
                        + " optional lines) must be followed by another S line on the same connection");
            }
        }
    }
}
