package org.loftmail.auth.impl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.loftmail.auth.impl.scheme.Schemes;

/**
 * {@code loftadm pw}, {@code loftadm auth test} and {@code loftadm user}, printing what
 * {@code doveadm pw}, {@code doveadm auth test} and {@code doveadm user} print. The last two ask
 * the running server through its auth sockets, as doveadm does; {@code pw} runs offline.
 */
public final class AuthAdminTool {

    private final PrintStream out;
    private final Path runDir;

    AuthAdminTool(PrintStream out, Path runDir) {
        this.out = out;
        this.runDir = runDir;
    }

    public static void main(String[] args) {
        Path runDir = Path.of(System.getProperty("loft.run", "var/run"));
        int status;
        try {
            status = new AuthAdminTool(System.out, runDir).run(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("loftadm: " + e.getMessage());
            status = 64;
        } catch (IOException e) {
            System.err.println("loftadm: " + e.getMessage());
            status = 75;
        }
        System.exit(status);
    }

    int run(List<String> args) throws IOException {
        List<String> rest = new ArrayList<>(args);
        String socket = option(rest, "-a");
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("usage: pw [-s SCHEME] [-p PASSWORD] | auth test [-a SOCKET] USER [PASS] | user [-a SOCKET] USER");
        }
        String command = rest.remove(0);
        return switch (command) {
            case "pw" -> pw(rest);
            case "auth" -> {
                if (rest.isEmpty() || !rest.remove(0).equals("test") || rest.isEmpty()) {
                    throw new IllegalArgumentException("usage: auth test [-a SOCKET] USER [PASS]");
                }
                String user = rest.get(0);
                String password = rest.size() > 1 ? rest.get(1) : readPassword();
                yield authTest(socket(socket, "auth-client"), user, password);
            }
            case "user" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("usage: user [-a SOCKET] USER");
                }
                yield user(socket(socket, "auth-userdb"), rest.get(0));
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private Path socket(String given, String name) {
        return given != null ? Path.of(given) : runDir.resolve(name);
    }

    private int pw(List<String> rest) throws IOException {
        String scheme = option(rest, "-s");
        String password = option(rest, "-p");
        out.println(Schemes.generate(scheme == null ? "CRYPT" : scheme, password == null ? readPassword() : password));
        return 0;
    }

    private int authTest(Path socket, String user, String password) throws IOException {
        try (AuthSocketClient client = AuthSocketClient.connect(socket, "VERSION\t1\t2\nCPID\t" + ProcessHandle.current().pid() + "\n")) {
            client.skipUntil("DONE");
            String resp = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            String[] answer = client.ask("AUTH\t1\tPLAIN\tservice=doveadm\tsecured\tresp=" + resp);
            boolean ok = answer[0].equals("OK");
            out.println("passdb: " + user + " auth " + (ok ? "succeeded" : "failed"));
            printFields(answer, "extra fields:");
            return ok ? 0 : 77;
        }
    }

    private int user(Path socket, String user) throws IOException {
        try (AuthSocketClient client = AuthSocketClient.connect(socket, "VERSION\t1\t0\n")) {
            client.skipUntil("SPID");
            String[] answer = client.ask("USER\t1\t" + user + "\tservice=doveadm");
            switch (answer[0]) {
                case "USER" -> {
                    out.println("field\tvalue");
                    out.println("user\t" + answer[2]);
                    for (int i = 3; i < answer.length; i++) {
                        out.println(answer[i].replaceFirst("=", "\t"));
                    }
                    return 0;
                }
                case "NOTFOUND" -> {
                    out.println("userdb lookup: user " + user + " doesn't exist");
                    return 67;
                }
                default -> {
                    out.println("userdb lookup: temporary failure: " + String.join(" ", answer));
                    return 75;
                }
            }
        }
    }

    private void printFields(String[] answer, String heading) {
        if (answer.length > 2) {
            out.println(heading);
            for (int i = 2; i < answer.length; i++) {
                out.println("  " + answer[i]);
            }
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private static String readPassword() throws IOException {
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Enter password: ");
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }
}
