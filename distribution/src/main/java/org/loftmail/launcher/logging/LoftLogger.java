package org.loftmail.launcher.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that hands formatted events to the {@link LogSink}. */
final class LoftLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final transient LogSink sink;

    LoftLogger(String name, String origin, LogSink sink) {
        this.name = name;
        this.origin = origin;
        this.sink = sink;
    }

    @Override
    public boolean isTraceEnabled() {
        return sink.enabled(Level.TRACE, name);
    }

    @Override
    public boolean isDebugEnabled() {
        return sink.enabled(Level.DEBUG, name);
    }

    @Override
    public boolean isInfoEnabled() {
        return sink.enabled(Level.INFO, name);
    }

    @Override
    public boolean isWarnEnabled() {
        return sink.enabled(Level.WARN, name);
    }

    @Override
    public boolean isErrorEnabled() {
        return sink.enabled(Level.ERROR, name);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        sink.write(level, origin, message, throwable);
    }
}
