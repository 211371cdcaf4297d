package org.loftmail.launcher;

import org.slf4j.LoggerFactory;

/**
 * SIGHUP means "reload the configuration", as for Dovecot's master process; SIGTERM and SIGINT
 * (Ctrl-C) stop the server cleanly, and it then exits with status 0.
 */
final class Signals {

    private Signals() {
    }

    static void onHangup(Runnable action) {
        handle("HUP", action, "reload by editing the configuration file");
    }

    static void onTerminate(Runnable action) {
        handle("TERM", action, "the JVM's shutdown hook stops the server");
        handle("INT", action, "the JVM's shutdown hook stops the server");
    }

    private static void handle(String name, Runnable action, String fallback) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(action, "loft-signal-" + name).start());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(Signals.class).warn("SIG{} cannot be handled here ({}); {}", name, e.getMessage(), fallback);
        }
    }
}
