package org.loftmail.launcher.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Where log lines go: standard output until the configuration names files, then Dovecot's
 * {@code log_path} (everything, or warnings and errors when {@code info_log_path} is set),
 * {@code info_log_path} and {@code debug_log_path}. One line per event:
 * {@code 2026-11-26 05:40:42.123 Info org.loftmail.net session=ab12 user=alice remote=...: text}.
 */
public final class LogSink {

    private static final LogSink INSTANCE = new LogSink();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String[] CONTEXT_KEYS = {"session", "user", "remote"};

    private volatile Targets targets = Targets.stdout();
    private volatile Level threshold = Level.valueOf(System.getProperty("loft.log.level", "INFO").toUpperCase());

    private LogSink() {
    }

    public static LogSink get() {
        return INSTANCE;
    }

    /**
     * Applies the logging settings of the configuration: {@code log_path}, {@code info_log_path},
     * {@code debug_log_path} (empty, {@code syslog} or {@code /dev/stdout} mean standard output
     * when running in the foreground) and {@code mail_debug}/{@code auth_debug} ({@code yes}
     * enables debug lines).
     */
    public void configure(Map<String, String> settings) {
        Targets old = targets;
        targets = Targets.of(settings.get("log_path"), settings.get("info_log_path"), settings.get("debug_log_path"));
        old.close();
        boolean debug = "yes".equals(settings.get("mail_debug")) || "yes".equals(settings.get("auth_debug"));
        String forced = System.getProperty("loft.log.level");
        threshold = forced != null ? Level.valueOf(forced.toUpperCase()) : debug ? Level.DEBUG : Level.INFO;
    }

    boolean enabled(Level level, String loggerName) {
        if (level.toInt() < threshold.toInt()) {
            return false;
        }
        // MINA and SCR are chatty at INFO about internals an operator cannot act on
        return level.toInt() >= Level.WARN.toInt() || !loggerName.startsWith("org.apache.mina.");
    }

    void write(Level level, String origin, String message, Throwable throwable) {
        StringBuilder line = new StringBuilder(128)
                .append(LocalDateTime.now().format(TIME)).append(' ')
                .append(label(level)).append(' ').append(origin);
        for (String key : CONTEXT_KEYS) {
            String value = MDC.get(key);
            if (value != null) {
                line.append(' ').append(key).append('=').append(value);
            }
        }
        line.append(": ").append(message).append('\n');
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        targets.write(level, line.toString());
    }

    private static String label(Level level) {
        return switch (level) {
            case ERROR -> "Error";
            case WARN -> "Warning";
            case INFO -> "Info";
            case DEBUG -> "Debug";
            case TRACE -> "Trace";
        };
    }

    /** The files (or standard output) for each level; files stay open until the next configure. */
    private static final class Targets {
        private final Path errorPath;
        private final Path infoPath;
        private final Path debugPath;
        private final Map<Path, Writer> open = new HashMap<>();

        private Targets(Path errorPath, Path infoPath, Path debugPath) {
            this.errorPath = errorPath;
            this.infoPath = infoPath;
            this.debugPath = debugPath;
        }

        static Targets stdout() {
            return new Targets(null, null, null);
        }

        static Targets of(String logPath, String infoLogPath, String debugLogPath) {
            Path log = file(logPath);
            Path info = file(infoLogPath);
            Path debug = file(debugLogPath);
            return new Targets(log, info != null ? info : log, debug != null ? debug : info != null ? info : log);
        }

        private static Path file(String setting) {
            if (setting == null || setting.isBlank() || setting.equals("syslog")
                    || setting.equals("/dev/stdout") || setting.equals("/dev/stderr")) {
                return null;
            }
            return Path.of(setting);
        }

        synchronized void write(Level level, String line) {
            Path path = switch (level) {
                case ERROR, WARN -> errorPath;
                case INFO -> infoPath;
                case DEBUG, TRACE -> debugPath;
            };
            if (path != null) {
                try {
                    Writer writer = open.get(path);
                    if (writer == null) {
                        writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        open.put(path, writer);
                    }
                    writer.write(line);
                    writer.flush();
                    return;
                } catch (IOException e) {
                    line = line + "(could not write to " + path + ": " + e.getMessage() + ")\n";
                }
            }
            System.out.print(line);
            System.out.flush();
        }

        synchronized void close() {
            for (Writer writer : open.values()) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // the file is gone or the disk is full; nothing better to do while switching
                }
            }
            open.clear();
        }
    }
}
