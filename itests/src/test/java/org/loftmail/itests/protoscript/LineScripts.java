package org.loftmail.itests.protoscript;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs line-protocol scripts (POP3, LMTP) against a server: for each script, first a clean-up prelude
 * over POP3 (every message of every account the script uses is deleted, when a POP3 port is known),
 * then the script from the greetings on.
 *
 * <pre>
 * LineScripts.Server server = new LineScripts.Server("127.0.0.1", Map.of("pop3", 110, "lmtp", 24));
 * ScriptResult r = LineScripts.run(file, server, Map.of("user", "user1", "password", "pass"), 5000);
 * </pre>
 *
 * Variables given to every script: {@code domain} ({@code example.org}, for addresses
 * {@code ${user}@${domain}}) and {@code crlf} (a line end, to make several lines of one), unless the
 * caller sets them.
 */
public final class LineScripts {

    /** Where the server listens: a port per protocol name ("pop3", "lmtp", ...). */
    public record Server(String host, Map<String, Integer> ports) {
        public Integer port(String protocol) {
            return ports.get(protocol);
        }
    }

    /** The outcome of one script: failure is null when it passed. */
    public record ScriptResult(String script, String user, LineScriptRunner.Failure failure,
                               List<String> transcript, long millis) {
        public boolean passed() {
            return failure == null;
        }

        /** "file:line" of the first mismatch, or null. */
        public String location() {
            return failure == null ? null : failure.location();
        }

        public String summary() {
            return (passed() ? "PASS " : "FAIL ") + script + " (" + user + ", " + millis + " ms)"
                    + (passed() ? "" : "\n  " + failure.getMessage().replace("\n", "\n  "));
        }
    }

    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    /** Dovecot delays a login after failed ones from the same address: the prelude waits longer. */
    private static final int PRELUDE_TIMEOUT_MILLIS = 30000;

    private LineScripts() {
    }

    /** A scripts folder of the test resources (e.g. "pop3-scripts"), when the classes are in a directory. */
    public static Path folder(String name) {
        URL url = LineScripts.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " not on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The *.pop3 and *.lmtp files of a folder, sorted by name. */
    public static List<Path> scripts(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.(pop3|lmtp)")).sorted().toList();
        }
    }

    /** Loads and runs one script file; a syntax error is reported as a failed result. */
    public static ScriptResult run(Path file, Server server, Map<String, String> vars, int timeoutMillis)
            throws IOException {
        LineScript script;
        try {
            script = LineScript.load(file);
        } catch (LineScript.SyntaxException e) {
            return new ScriptResult(file.getFileName().toString(), vars.get("user"),
                    new LineScriptRunner.Failure(e.location(), "valid script syntax", e.problem()), List.of(), 0);
        }
        return run(script, server, vars, timeoutMillis);
    }

    /** Clean-up prelude, then the script. Never throws for server misbehaviour: see the result. */
    public static ScriptResult run(LineScript script, Server server, Map<String, String> vars, int timeoutMillis) {
        long t0 = System.nanoTime();
        List<String> transcript = new ArrayList<>();
        Consumer<String> log = line -> transcript.add(
                String.format("%6d %s", (System.nanoTime() - t0) / 1_000_000, line));
        ScriptVars scriptVars = new ScriptVars(Map.of("domain", "example.org", "crlf", "\r\n"));
        scriptVars.putAll(vars);
        LineScriptRunner.Failure failure = null;
        try {
            for (String protocol : script.protocolsUsed()) {
                if (server.port(protocol) == null) {
                    throw new IOException("no port given for protocol " + protocol);
                }
            }
            if (server.port("pop3") != null) {
                for (String user : accounts(vars)) {
                    log.accept("# prelude: clean-up of " + user + " over POP3");
                    cleanUp(server, user, vars.get("password"), timeoutMillis, log);
                }
            }
            log.accept("# script " + script.name());
            LineScriptRunner.Connector connector = (n, protocol, l) -> new LineConnection(server.host(),
                    server.port(protocol), timeoutMillis, "S" + n, l);
            new LineScriptRunner(connector, timeoutMillis, log).run(script, scriptVars);
        } catch (LineScriptRunner.Failure f) {
            failure = f;
        } catch (IOException | RuntimeException e) {
            failure = new LineScriptRunner.Failure(script.name() + ":0", "the clean-up prelude to succeed",
                    e.toString());
        }
        return new ScriptResult(script.name(), vars.get("user"), failure, transcript,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The values of the variables user, user2, user3, ... */
    private static List<String> accounts(Map<String, String> vars) {
        TreeSet<String> names = new TreeSet<>();
        for (String k : vars.keySet()) {
            if (k.matches("user[0-9]*")) {
                names.add(k);
            }
        }
        return names.stream().map(vars::get).distinct().toList();
    }

    /**
     * A report of the failed results (the summary and the last transcript lines of each) for an
     * assertion message, or null if all passed.
     */
    public static String failures(List<ScriptResult> results) {
        StringBuilder sb = new StringBuilder();
        for (ScriptResult r : results) {
            if (!r.passed()) {
                sb.append(r.summary()).append('\n');
                List<String> t = r.transcript();
                for (String l : t.subList(Math.max(0, t.size() - 12), t.size())) {
                    sb.append("    ").append(l).append('\n');
                }
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    // ---------------------------------------------------------------- clean-up prelude

    /** Logs in over POP3, deletes every message and quits (the deletions happen at QUIT). */
    public static void cleanUp(Server server, String user, String password, int timeoutMillis,
                               Consumer<String> log) throws IOException {
        try (LineConnection c = new LineConnection(server.host(), server.port("pop3"),
                Math.max(timeoutMillis, PRELUDE_TIMEOUT_MILLIS), "S", log)) {
            command(c, null);
            command(c, "USER " + user);
            command(c, "PASS " + password);
            String[] stat = command(c, "STAT").split(" ");
            int messages = Integer.parseInt(stat[1]);
            for (int i = 1; i <= messages; i++) {
                command(c, "DELE " + i);
            }
            command(c, "QUIT");
        }
    }

    /** Sends a command (null: none, reads the greeting) and returns the +OK line. */
    private static String command(LineConnection c, String command) throws IOException {
        if (command != null) {
            c.log("C: " + command);
            c.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        String reply = c.next();
        if (reply == null || !reply.startsWith("+OK")) {
            throw new IOException("POP3 clean-up: " + (command == null ? "greeting" : command) + " answered "
                    + (reply == null ? "<EOF>" : reply));
        }
        return reply;
    }

    /** Variables for a script run: user and password plus the given extra ones. */
    public static Map<String, String> vars(String user, String password, Map<String, String> extra) {
        Map<String, String> v = new LinkedHashMap<>(extra);
        v.put("user", user);
        v.put("password", password);
        return v;
    }
}
