package org.loftmail.launcher;

import org.slf4j.LoggerFactory;

/** SIGHUP means "reload the configuration", as for Dovecot's master process. */
final class Signals {

    private Signals() {
    }

    static void onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> Thread.ofVirtual().start(action));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(Signals.class).warn("SIGHUP cannot be handled here ({}); reload by editing the configuration file", e.getMessage());
        }
    }
}
