package org.loftmail.itests.imapscript;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.loftmail.itests.imapscript.ImapConnection.Response;
import org.loftmail.itests.protoscript.ScriptVars;

/**
 * Runs IMAP scripts against a server: for each script, first a clean-up prelude of the script's user
 * (delete every mailbox but INBOX, children first; expunge INBOX; unsubscribe everything), then the
 * script itself from the greeting on.
 *
 * <pre>
 * List&lt;ScriptResult&gt; results = ImapScripts.runAll(ImapScripts.defaultFolder(), "127.0.0.1", 10143,
 *         script -&gt; new Credentials("user" + (n++), "pass"));
 * </pre>
 */
public final class ImapScripts {

    /** The account a script runs as. */
    public record Credentials(String user, String password) {
    }

    /** The outcome of one script: failure is null when it passed. */
    public record ScriptResult(String script, String user, boolean passed, ImapScriptRunner.Failure failure,
                               List<String> transcript, long millis) {
        /** "file:line" of the first mismatch, or null. */
        public String location() {
            return failure == null ? null : failure.location();
        }

        public String summary() {
            return (passed ? "PASS " : "FAIL ") + script + " (" + user + ", " + millis + " ms)"
                    + (passed ? "" : "\n  " + failure.getMessage().replace("\n", "\n  "));
        }
    }

    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    private static final int PRELUDE_LOGIN_TIMEOUT_MILLIS = 30000;

    private ImapScripts() {
    }

    /** The imap-scripts folder of the test resources (when the classes are in a directory). */
    public static Path defaultFolder() {
        URL url = ImapScripts.class.getClassLoader().getResource("imap-scripts");
        if (url == null) {
            throw new IllegalStateException("imap-scripts not on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The *.imap files of a folder, sorted by name. */
    public static List<Path> scripts(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".imap")).sorted().toList();
        }
    }

    /** Runs every *.imap script of folder (sorted by name), each as the user userFor gives for its file name. */
    public static List<ScriptResult> runAll(Path folder, String host, int port,
                                            Function<String, Credentials> userFor) throws IOException {
        List<ScriptResult> results = new ArrayList<>();
        for (Path p : scripts(folder)) {
            results.add(run(p, host, port, userFor.apply(p.getFileName().toString()), DEFAULT_TIMEOUT_MILLIS));
        }
        return results;
    }

    /** Loads and runs one script file; a syntax error is reported as a failed result. */
    public static ScriptResult run(Path file, String host, int port, Credentials creds, int timeoutMillis)
            throws IOException {
        ImapScript script;
        try {
            script = ImapScript.load(file);
        } catch (ImapScript.SyntaxException e) {
            return new ScriptResult(file.getFileName().toString(), creds.user(), false,
                    new ImapScriptRunner.Failure(e.location(), "valid script syntax", e.problem()), List.of(), 0);
        }
        return run(script, host, port, creds, timeoutMillis);
    }

    /**
     * A report of the failed results for an assertion message, or null if all passed:
     * {@code assertNull(ImapScripts.failures(results), ImapScripts.failures(results))}.
     */
    public static String failures(List<ScriptResult> results) {
        StringBuilder sb = new StringBuilder();
        for (ScriptResult r : results) {
            if (!r.passed()) {
                sb.append(r.summary()).append('\n');
                List<String> t = r.transcript();
                for (String l : t.subList(Math.max(0, t.size() - 10), t.size())) {
                    sb.append("    ").append(l).append('\n');
                }
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Clean-up prelude, then the script. Never throws for server misbehaviour: see the result. */
    public static ScriptResult run(ImapScript script, String host, int port, Credentials creds, int timeoutMillis) {
        long t0 = System.nanoTime();
        List<String> transcript = new ArrayList<>();
        // each transcript entry starts with the milliseconds since the start of the run
        java.util.function.Consumer<String> log = line -> transcript.add(
                String.format("%6d %s", (System.nanoTime() - t0) / 1_000_000, line));
        ImapScriptRunner.Failure failure = null;
        try {
            log.accept("# prelude: clean-up of " + creds.user());
            cleanUp(host, port, creds, timeoutMillis, log);
            log.accept("# script " + script.name());
            ScriptVars vars = new ScriptVars();
            vars.put("user", creds.user());
            vars.put("password", creds.password());
            new ImapScriptRunner(host, port, timeoutMillis, log).run(script, vars);
        } catch (ImapScriptRunner.Failure f) {
            failure = f;
        } catch (IOException | RuntimeException e) {
            failure = new ImapScriptRunner.Failure(script.name() + ":0", "clean-up prelude to succeed", e.toString());
        }
        return new ScriptResult(script.name(), creds.user(), failure == null, failure, transcript,
                (System.nanoTime() - t0) / 1_000_000);
    }

    // ---------------------------------------------------------------- clean-up prelude

    private static final Pattern LIST = Pattern.compile("^\\* (?:LIST|LSUB) \\(([^)]*)\\) (NIL|\"(?:[^\"\\\\]|\\\\.)*\") (.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EXISTS = Pattern.compile("^\\* ([0-9]+) EXISTS$", Pattern.CASE_INSENSITIVE);

    /** Logs in, deletes every mailbox but INBOX (children first), expunges INBOX, unsubscribes all, logs out. */
    public static void cleanUp(String host, int port, Credentials creds, int timeoutMillis,
                               java.util.function.Consumer<String> log) throws IOException {
        try (ImapConnection c = new ImapConnection(host, port, timeoutMillis, "S", log)) {
            Response greeting = c.next();
            if (greeting.eof() || !greeting.first().startsWith("* OK")) {
                throw new IOException("no greeting: " + greeting.render());
            }
            int[] tag = {0};
            // A server may delay a login after failed ones from the same address (Dovecot's auth
            // penalty, about 4 s after a failure): the prelude is not under test, so wait longer.
            c.setTimeout(Math.max(timeoutMillis, PRELUDE_LOGIN_TIMEOUT_MILLIS));
            List<Response> r = command(c, tag, "LOGIN " + quote(creds.user()) + " " + quote(creds.password()));
            requireOk(r, "LOGIN");
            c.setTimeout(timeoutMillis);
            record Box(String name, String delimiter) {
            }
            List<Box> boxes = new ArrayList<>();
            for (Response u : command(c, tag, "LIST \"\" \"*\"")) {
                Box b = parseList(u, Box::new);
                if (b != null && !b.name().equalsIgnoreCase("INBOX")) {
                    boxes.add(b);
                }
            }
            boxes.sort(Comparator.comparingInt((Box b) -> depth(b.name(), b.delimiter())).reversed()
                    .thenComparing(Comparator.comparingInt((Box b) -> b.name().length()).reversed()));
            for (Box b : boxes) {
                command(c, tag, "DELETE " + quote(b.name()));
            }
            int exists = 0;
            for (Response u : command(c, tag, "SELECT INBOX")) {
                Matcher m = EXISTS.matcher(u.first());
                if (m.matches()) {
                    exists = Integer.parseInt(m.group(1));
                }
            }
            if (exists > 0) {
                command(c, tag, "STORE 1:* +FLAGS.SILENT (\\Deleted)");
                command(c, tag, "EXPUNGE");
            }
            command(c, tag, "CLOSE");
            List<String> subscribed = new ArrayList<>();
            for (Response u : command(c, tag, "LSUB \"\" \"*\"")) {
                Box b = parseList(u, Box::new);
                if (b != null) {
                    subscribed.add(b.name());
                }
            }
            for (String name : subscribed) {
                command(c, tag, "UNSUBSCRIBE " + quote(name));
            }
            command(c, tag, "LOGOUT");
        }
    }

    private static int depth(String name, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return 0;
        }
        return name.split(Pattern.quote(delimiter), -1).length;
    }

    private static <T> T parseList(Response u, java.util.function.BiFunction<String, String, T> make) {
        Matcher m = LIST.matcher(u.first());
        if (!m.matches()) {
            return null;
        }
        String delim = m.group(2).equalsIgnoreCase("NIL") ? null : unquote(m.group(2));
        String name = u.literals().isEmpty() ? m.group(3) : u.literals().get(0);
        if (name.startsWith("\"")) {
            name = unquote(name);
        }
        return make.apply(name, delim);
    }

    private static String unquote(String q) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char ch = q.charAt(i);
            if (ch == '\\' && i + 1 < q.length() - 1) {
                ch = q.charAt(++i);
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void requireOk(List<Response> r, String what) throws IOException {
        String tagged = r.get(r.size() - 1).first();
        if (!tagged.toUpperCase(Locale.ROOT).matches("^P[0-9]+ OK.*")) {
            throw new IOException(what + " failed: " + tagged);
        }
    }

    /** Sends "pN command" and returns the responses up to and including the tagged one. */
    private static List<Response> command(ImapConnection c, int[] tag, String command) throws IOException {
        String t = "p" + (++tag[0]);
        c.log("C: " + t + " " + command);
        c.write((t + " " + command + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        c.flush();
        List<Response> out = new ArrayList<>();
        while (true) {
            Response r = c.next();
            if (r.eof()) {
                throw new IOException("connection closed during clean-up after: " + command);
            }
            out.add(r);
            if (r.first().startsWith(t + " ")) {
                return out;
            }
        }
    }
}
