package org.loftmail.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import org.loftmail.launcher.logging.JulBridge;

/**
 * {@code loft run [-c FILE]}: starts the server in the foreground, like {@code dovecot -F -c FILE}.
 * The other commands of {@code bin/loft} (check, config, reload, stop) are handled by the script.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("loft: " + e.getMessage());
            System.err.println("usage: loft run [-c FILE]");
            System.exit(2);
            return;
        }
        JulBridge.install();
        int status = new Server(options).runUntilStopped();
        System.exit(status);
    }

    /** Where the server lives and what it reads. */
    record LaunchOptions(Path home, Path configFile) {

        static LaunchOptions parse(java.util.List<String> args) {
            Path home = Path.of(System.getProperty("loft.home", ".")).toAbsolutePath().normalize();
            Path config = home.resolve("etc/dovecot.conf");
            if (args.isEmpty() || !args.get(0).equals("run")) {
                throw new IllegalArgumentException("unknown command " + (args.isEmpty() ? "(none)" : args.get(0)));
            }
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-c") && i + 1 < args.size()) {
                    config = Path.of(args.get(++i)).toAbsolutePath().normalize();
                } else if (arg.equals("-F")) {
                    continue; // foreground is the only mode; accepted for Dovecot habits
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            return new LaunchOptions(home, config);
        }
    }
}
