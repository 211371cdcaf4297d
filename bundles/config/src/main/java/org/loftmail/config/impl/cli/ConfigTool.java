package org.loftmail.config.impl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.loftmail.config.impl.ConfigLoader;
import org.loftmail.config.impl.LoadedConfig;
import org.loftmail.config.impl.model.Problem;

/**
 * The configuration commands of {@code bin/loft}, run outside the OSGi framework with only this
 * bundle's jar on the class path:
 * <pre>
 *   check -c FILE        every problem as FILE:LINE: error|warning: sentence; exit 0 without errors, 1 with
 *   config [-P] -c FILE  the settings that differ from the defaults, in Dovecot syntax (like doveconf -n)
 * </pre>
 * Exit status 2 means the command line was wrong.
 */
public final class ConfigTool {

    static final String USAGE = """
            usage: ConfigTool check -c FILE
                   ConfigTool config [-P] -c FILE
              check   report every problem of FILE and the files it includes, as FILE:LINE: error|warning: sentence
              config  print the settings that differ from the built-in defaults, in Dovecot syntax (like doveconf -n)
              -P      show private keys and passwords instead of hiding them""";

    private final PrintStream out;
    private final PrintStream err;

    ConfigTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ConfigTool(System.out, System.err).run(args));
    }

    /** Runs one command and returns the exit status. */
    int run(String[] args) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length == 0) {
            return usage("no command given");
        }
        String command = args[0];
        Path file = null;
        boolean showSecrets = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "-c" -> {
                    if (++i == args.length) {
                        return usage("-c needs a file name");
                    }
                    file = Path.of(args[i]);
                }
                case "-P" -> showSecrets = true;
                default -> {
                    return usage("unknown argument " + args[i]);
                }
            }
        }
        if (file == null) {
            return usage("-c FILE is required");
        }
        return switch (command) {
            case "check" -> showSecrets ? usage("-P is for config") : check(file);
            case "config" -> config(file, showSecrets);
            default -> usage("unknown command " + command);
        };
    }

    private int check(Path file) {
        LoadedConfig config = new ConfigLoader().load(file);
        config.problems().forEach(out::println);
        int errors = config.errors().size();
        int warnings = config.warnings().size();
        if (errors > 0) {
            out.println(config.source() + ": configuration has " + count(errors, "error") + " ("
                    + count(warnings, "warning") + ")");
            return 1;
        }
        out.println(config.source() + ": configuration OK (" + count(warnings, "warning") + ")");
        return 0;
    }

    private int config(Path file, boolean showSecrets) {
        ConfigLoader loader = new ConfigLoader();
        LoadedConfig config = loader.load(file);
        List<Problem> problems = config.problems();
        problems.forEach(err::println);
        if (config.hasErrors()) {
            err.println(config.source() + ": configuration has " + count(config.errors().size(), "error"));
            return 1;
        }
        out.println("# Loft: settings of " + config.source() + " that differ from the defaults (Dovecot 2.3 syntax)");
        out.print(new DoveconfPrinter(loader.catalogue(), showSecrets).print(config.effective()));
        return 0;
    }

    private int usage(String problem) {
        err.println("ConfigTool: " + problem);
        err.println(USAGE);
        return 2;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
