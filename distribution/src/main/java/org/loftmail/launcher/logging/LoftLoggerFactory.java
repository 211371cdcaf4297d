package org.loftmail.launcher.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Makes one logger per name and remembers which bundle asked for it. */
final class LoftLoggerFactory implements ILoggerFactory {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final LogSink sink;
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    LoftLoggerFactory(LogSink sink) {
        this.sink = sink;
    }

    @Override
    public Logger getLogger(String name) {
        Logger existing = loggers.get(name);
        if (existing != null) {
            return existing;
        }
        Logger created = new LoftLogger(name, origin(), sink);
        Logger raced = loggers.putIfAbsent(name, created);
        return raced != null ? raced : created;
    }

    /** The symbolic name of the bundle whose code asked for the logger, or "launcher". */
    private static String origin() {
        Class<?> caller = WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !c.getName().startsWith("org.slf4j.")
                        && !c.getName().startsWith("org.loftmail.launcher.logging."))
                .findFirst().orElse(null));
        if (caller == null) {
            return "launcher";
        }
        Bundle bundle = FrameworkUtil.getBundle(caller);
        return bundle == null || bundle.getBundleId() == 0 ? "launcher" : bundle.getSymbolicName();
    }
}
