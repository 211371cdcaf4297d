package org.loftmail.itests.imapscript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.loftmail.itests.imapscript.ImapScripts.Credentials;
import org.loftmail.itests.imapscript.ImapScripts.ScriptResult;
import org.loftmail.itests.protoscript.ScriptConsole;

/**
 * Command line runner:
 * <pre>
 * java -cp itests/target/test-classes org.loftmail.itests.imapscript.ImapScriptMain \
 *     --host 127.0.0.1 --port 10143 --user 'user{n}' --password pass [--timeout 5000] [--verbose] \
 *     itests/src/test/resources/imap-scripts
 * </pre>
 * Arguments are script files or folders (their *.imap files, sorted). {@code {n}} in --user is replaced
 * by the 1-based index of the script (so each script gets its own account); without it every script
 * runs as the same user, one after the other. Prints PASS/FAIL per script with the first mismatch and
 * exits with 1 if any script failed (2 on usage errors). --verbose prints the whole transcript of
 * every script (otherwise the last lines of a failed one).
 */
public final class ImapScriptMain {

    private ImapScriptMain() {
    }

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 143;
        String user = null;
        String password = null;
        int timeout = ImapScripts.DEFAULT_TIMEOUT_MILLIS;
        boolean verbose = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--user" -> user = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--timeout" -> timeout = Integer.parseInt(value(args, ++i));
                case "--verbose", "-v" -> verbose = true;
                case "--help", "-h" -> usage(0);
                default -> {
                    if (a.startsWith("--")) {
                        System.err.println("unknown option " + a);
                        usage(2);
                    }
                    Path p = Path.of(a);
                    if (Files.isDirectory(p)) {
                        files.addAll(ImapScripts.scripts(p));
                    } else {
                        files.add(p);
                    }
                }
            }
        }
        if (user == null || password == null || files.isEmpty()) {
            usage(2);
        }
        int failed = 0;
        int n = 0;
        for (Path f : files) {
            n++;
            Credentials creds = new Credentials(user.replace("{n}", Integer.toString(n)), password);
            ScriptResult r = ImapScripts.run(f, host, port, creds, timeout);
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
        System.err.println("usage: ImapScriptMain --host H --port P --user U|'user{n}' --password PW"
                + " [--timeout MS] [--verbose] script.imap|folder ...");
        System.exit(code);
    }
}
