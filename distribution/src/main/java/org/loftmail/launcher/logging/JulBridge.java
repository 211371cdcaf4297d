package org.loftmail.launcher.logging;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends java.util.logging records (BouncyCastle's TLS provider and the JDK log there) to the
 * same sink and format as everything else.
 */
public final class JulBridge extends Handler {

    /** Held so the level set on it is not lost when the logger is garbage collected. */
    private static final Logger BOUNCY_CASTLE = Logger.getLogger("org.bouncycastle");

    private final LogSink sink;

    private JulBridge(LogSink sink) {
        this.sink = sink;
    }

    public static void install() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new JulBridge(LogSink.get()));
        // BCJSSE reports at INFO/WARNING each jdk.tls.disabledAlgorithms entry it does not parse:
        // nothing an operator can act on
        BOUNCY_CASTLE.setLevel(Level.SEVERE);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (message != null && parameters != null && parameters.length > 0) {
            message = java.text.MessageFormat.format(message, parameters);
        }
        sink.write(level(record.getLevel()), record.getLoggerName() == null ? "jul" : record.getLoggerName(),
                message, record.getThrown());
    }

    private static org.slf4j.event.Level level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return org.slf4j.event.Level.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return org.slf4j.event.Level.WARN;
        } else if (value >= Level.INFO.intValue()) {
            return org.slf4j.event.Level.INFO;
        } else if (value >= Level.FINE.intValue()) {
            return org.slf4j.event.Level.DEBUG;
        }
        return org.slf4j.event.Level.TRACE;
    }

    @Override
    public void flush() {
        // every line is flushed as it is written
    }

    @Override
    public void close() {
        // the sink outlives the handler
    }
}
