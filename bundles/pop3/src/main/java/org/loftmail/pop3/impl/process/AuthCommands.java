package org.loftmail.pop3.impl.process;

import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.pop3.impl.session.Maildrop;
import org.loftmail.pop3.impl.session.Pop3Session;
import org.loftmail.pop3.impl.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AUTHORIZATION state: USER and PASS (RFC 1939 section 7) and AUTH (RFC 5034) through the
 * auth service, with the response codes of RFC 2449 and RFC 3206 as Dovecot sends them. A
 * successful login takes the POP3 lock when {@code pop3_lock_session} is on, opens INBOX and
 * lists the maildrop.
 */
final class AuthCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AuthCommands.class);

    private AuthCommands() {
    }

    static void user(Pop3Session s, String name) {
        if (!plaintextAllowed(s)) {
            return;
        }
        s.pendingUser(name);
        s.out().ok("");
    }

    static void pass(Pop3Session s, String password) {
        String name = s.pendingUser();
        if (name == null) {
            if (plaintextAllowed(s)) {
                s.out().err("No username given.");
            }
            return;
        }
        s.pendingUser(null);
        s.authAttempt();
        AuthResult result = s.services().auth().authenticate(name, password, s.clientInfo());
        finish(s, result, "PLAIN", name);
    }

    private static boolean plaintextAllowed(Pop3Session s) {
        if (s.services().auth().plaintextAllowed(s.clientInfo())) {
            return true;
        }
        LOG.info("Login failed: Plaintext authentication disabled");
        s.out().err("[AUTH] " + AuthResult.FailureKind.PLAINTEXT_DISALLOWED.defaultMessage());
        return false;
    }

    /** RFC 5034: {@code AUTH mechanism [initial-response]}; without arguments the mechanism list. */
    static void auth(Pop3Session s, String args) {
        String a = args.strip();
        if (a.isEmpty()) {
            s.out().ok("");
            for (String m : s.services().auth().mechanisms(s.clientInfo())) {
                s.out().dataLine(m);
            }
            s.out().end();
            return;
        }
        int space = a.indexOf(' ');
        String mechanism = space < 0 ? a : a.substring(0, space);
        String initial = space < 0 ? null : a.substring(space + 1).strip();
        s.authAttempt();
        SaslExchange exchange = s.services().auth().startSasl(mechanism, s.clientInfo());
        step(s, exchange, exchange.respond(initial));
    }

    private static void step(Pop3Session s, SaslExchange exchange, SaslStep step) {
        switch (step) {
            case SaslStep.Done d -> {
                s.endContinuation();
                finish(s, d.result(), exchange.mechanism(), null);
            }
            case SaslStep.Challenge c -> {
                s.out().line("+ " + c.base64());
                s.continueWith(new Pop3Session.Continuation() {
                    @Override
                    public void line(String line) {
                        step(s, exchange, exchange.respond(line.strip()));
                    }

                    @Override
                    public void abort() {
                        finish(s, AuthResult.Failure.of(AuthResult.FailureKind.MALFORMED), exchange.mechanism(),
                                null);
                    }
                });
            }
        }
    }

    private static void finish(Pop3Session s, AuthResult result, String mechanism, String name) {
        if (result instanceof AuthResult.Failure f) {
            LOG.info("Authentication failed: method={}{}, reason={}", mechanism,
                    name == null ? "" : ", user=<" + name + ">", f.kind());
            s.out().err(switch (f.kind()) {
                case CREDENTIALS, DISABLED, PLAINTEXT_DISALLOWED -> "[AUTH] " + f.message();
                case TEMPORARY -> "[SYS/TEMP] " + f.message();
                case MECHANISM_UNSUPPORTED, MALFORMED, CANCELLED -> f.message();
            });
            return;
        }
        login(s, (AuthResult.Success) result, mechanism);
    }

    private static void login(Pop3Session s, AuthResult.Success ok, String mechanism) {
        String user = ok.user();
        var settings = s.settings();
        SessionRegistry.Admission admission = s.services().registry().add(user, s, s.remoteIp(),
                settings.maxUserIpConnections(), settings.lockSession());
        switch (admission) {
            case LOCKED -> {
                LOG.info("user {}: refused, the mailbox is locked by another POP3 session", user);
                s.out().err("[IN-USE] Mailbox is locked by another POP3 session.");
                s.disconnect("Couldn't lock POP3 session");
                return;
            }
            case LIMIT_REACHED -> {
                LOG.info("user {}: refused, mail_max_userip_connections={} reached", user,
                        settings.maxUserIpConnections());
                s.out().err("[IN-USE] Maximum number of connections from user+IP exceeded "
                        + "(mail_max_userip_connections=" + settings.maxUserIpConnections() + ")");
                s.disconnect("Maximum number of connections from user+IP exceeded");
                return;
            }
            case ADMITTED -> {
            }
        }
        UserMailboxes store = null;
        MailboxView view = null;
        try {
            store = s.services().storage().open(new MailUser(user, ok.userdbFields().get("home"),
                    ok.userdbFields().get("mail")));
            view = store.open("INBOX", false);
            Maildrop drop = Maildrop.load(view);
            s.loggedIn(user, store, drop);
        } catch (StorageException e) {
            LOG.error("user {}: cannot open INBOX: {}", user, e.getMessage());
            if (view != null) {
                view.close();
            }
            if (store != null) {
                store.close();
            }
            s.services().registry().remove(user, s);
            s.out().err(StorageErrors.text(e));
            s.disconnect("Couldn't open INBOX");
            return;
        }
        LOG.info("Login: user=<{}>, method={}, rip={}, lip={}, {}messages={}, size={}", user, mechanism,
                addr(s.remoteIp()), addr(s.clientInfo().localIp()), s.connection().secure() ? "TLS, " : "",
                s.maildrop().count(), s.maildrop().totalSize());
        s.out().ok("Logged in.");
    }

    private static String addr(java.net.InetAddress a) {
        return a == null ? "" : a.getHostAddress();
    }
}
