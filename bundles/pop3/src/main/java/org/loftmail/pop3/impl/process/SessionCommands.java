package org.loftmail.pop3.impl.process;

import org.loftmail.api.storage.StorageException;
import org.loftmail.pop3.impl.session.Pop3Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CAPA (RFC 2449), STLS (RFC 2595), NOOP and QUIT (RFC 1939 sections 5 and 6). */
final class SessionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommands.class);

    /** What both states announce, as Dovecot 2.3 does (no LOGIN-DELAY, EXPIRE or IMPLEMENTATION). */
    static final String[] BASE = {"CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE"};

    private SessionCommands() {
    }

    /**
     * RFC 2449 section 5. Before login also STLS (when TLS can start), USER (when plaintext
     * logins are allowed) and SASL with the mechanisms this connection may use.
     */
    static boolean capa(Pop3Session s) {
        s.out().ok("");
        for (String c : BASE) {
            s.out().dataLine(c);
        }
        if (s.state() == Pop3Session.State.AUTHORIZATION) {
            if (s.connection().tlsAvailable() && !s.connection().secure()) {
                s.out().dataLine("STLS");
            }
            if (s.services().auth().plaintextAllowed(s.clientInfo())) {
                s.out().dataLine("USER");
            }
            StringBuilder sasl = new StringBuilder("SASL");
            for (String m : s.services().auth().mechanisms(s.clientInfo())) {
                sasl.append(' ').append(m);
            }
            s.out().dataLine(sasl.toString());
        }
        s.out().end();
        return true;
    }

    /** RFC 2595 section 4. */
    static void stls(Pop3Session s) {
        if (s.connection().secure()) {
            s.out().err("TLS is already active.");
            return;
        }
        if (!s.connection().tlsAvailable()) {
            s.out().err("TLS support isn't enabled.");
            return;
        }
        s.pendingUser(null);
        s.out().ok("Begin TLS negotiation now.");
        s.push();
        s.connection().startTls();
    }

    static boolean noop(Pop3Session s) {
        s.out().ok("");
        return true;
    }

    /** RFC 1939 section 4: QUIT in the AUTHORIZATION state. */
    static void quitAuthorization(Pop3Session s) {
        s.out().ok("Logging out");
        s.disconnect("Aborted login");
    }

    /** RFC 1939 section 6: the UPDATE state. */
    static boolean quit(Pop3Session s) {
        boolean deleted = s.maildrop().deletedCount() > 0;
        try {
            s.maildrop().update(!s.settings().noFlagUpdates());
        } catch (StorageException e) {
            LOG.error("user {}: updating the maildrop at QUIT failed: {}", s.user(), e.getMessage());
            s.out().err(StorageErrors.text(e));
            s.disconnect("Storage error during logout.");
            return true;
        }
        s.out().ok(deleted ? "Logging out, messages deleted." : "Logging out.");
        s.quit("Disconnected: Logged out");
        return true;
    }
}
