package org.loftmail.itests.protoscript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line runner for POP3/LMTP scripts:
 * <pre>
 * java -cp itests/target/test-classes org.loftmail.itests.protoscript.LineScriptMain \
 *     --host 127.0.0.1 --pop3-port 110 --lmtp-port 24 --user 'user{n}' --password pass \
 *     --var user2=user99 [--timeout 5000] [--verbose] itests/src/test/resources/pop3-scripts
 * </pre>
 * Arguments are script files or folders (their *.pop3 and *.lmtp files, sorted). {@code --PROTOCOL-port N} gives
 * the port of a protocol; {@code --port N} the port of each script's own protocol (its extension).
 * {@code {n}} in --user and --var values is replaced by the 1-based index of the script. Prints PASS/FAIL
 * per script with the first mismatch; exits with 1 if any script failed (2 on usage errors).
 */
public final class LineScriptMain {

    private LineScriptMain() {
    }

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        Integer ownPort = null;
        Map<String, Integer> ports = new HashMap<>();
        String user = null;
        String password = null;
        Map<String, String> extra = new LinkedHashMap<>();
        int timeout = LineScripts.DEFAULT_TIMEOUT_MILLIS;
        boolean verbose = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> ownPort = Integer.parseInt(value(args, ++i));
                case "--user" -> user = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--timeout" -> timeout = Integer.parseInt(value(args, ++i));
                case "--verbose", "-v" -> verbose = true;
                case "--help", "-h" -> usage(0);
                case "--var" -> {
                    String v = value(args, ++i);
                    if (!v.contains("=")) {
                        usage(2);
                    }
                    extra.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                }
                default -> {
                    if (a.matches("--[a-z0-9]+-port")) {
                        ports.put(a.substring(2, a.length() - 5), Integer.parseInt(value(args, ++i)));
                    } else if (a.startsWith("--")) {
                        System.err.println("unknown option " + a);
                        usage(2);
                    } else if (Files.isDirectory(Path.of(a))) {
                        files.addAll(LineScripts.scripts(Path.of(a)));
                    } else {
                        files.add(Path.of(a));
                    }
                }
            }
        }
        if (user == null || password == null || files.isEmpty()) {
            usage(2);
        }
        int failed = 0;
        for (int n = 1; n <= files.size(); n++) {
            Path f = files.get(n - 1);
            Map<String, Integer> scriptPorts = new HashMap<>(ports);
            if (ownPort != null) {
                String name = f.getFileName().toString();
                scriptPorts.put(name.substring(name.lastIndexOf('.') + 1), ownPort);
            }
            String index = Integer.toString(n);
            Map<String, String> vars = new LinkedHashMap<>();
            extra.forEach((k, v) -> vars.put(k, v.replace("{n}", index)));
            LineScripts.ScriptResult r = LineScripts.run(f, new LineScripts.Server(host, scriptPorts),
                    LineScripts.vars(user.replace("{n}", index), password, vars), timeout);
            ScriptConsole.report(r.summary(), r.passed(), r.transcript(), verbose);
            failed += r.passed() ? 0 : 1;
        }
        System.out.println((files.size() - failed) + "/" + files.size() + " scripts passed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(2);
        }
        return args[i];
    }

    private static void usage(int code) {
        System.err.println("usage: LineScriptMain [--host H] [--port P] [--pop3-port P] [--lmtp-port P] ..."
                + " --user U|'user{n}' --password PW [--var NAME=VALUE ...] [--timeout MS] [--verbose]"
                + " script|folder ...");
        System.exit(code);
    }
}
