package org.loftmail.auth.impl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.auth.impl.chain.PassdbChain;
import org.loftmail.auth.impl.chain.Request;
import org.loftmail.auth.impl.chain.UserdbChain;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.penalty.Sleeper;
import org.loftmail.auth.impl.sasl.SaslContext;
import org.loftmail.auth.impl.sasl.StoredCredentials;
import org.loftmail.auth.impl.scheme.Credentials;
import org.loftmail.auth.impl.scheme.Schemes;
import org.loftmail.auth.impl.var.RequestVars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login from start to result: user name format, penalty wait, passdb chain, userdb chain,
 * failure delay. Failures of every kind but temporary ones count for the penalty; an unknown
 * user costs a password check like a known one, so both answer alike. Passwords are never
 * logged. Thread-safe.
 */
public final class Login {

    private static final Logger LOG = LoggerFactory.getLogger(Login.class);
    /** Stored passwords without a {SCHEME} prefix are in this scheme (crypt(3) by the hash's prefix). */
    static final String DEFAULT_SCHEME = "CRYPT";
    private static final String DUMMY = Schemes.generate("SHA512-CRYPT", "loft-dummy-password");

    private final AuthSettings settings;
    private final PassdbChain passdbs;
    private final UserdbChain userdbs;
    private final Penalty penalty;
    private final Sleeper sleeper;

    public Login(AuthSettings settings, PassdbChain passdbs, UserdbChain userdbs, Penalty penalty, Sleeper sleeper) {
        this.settings = settings;
        this.passdbs = passdbs;
        this.userdbs = userdbs;
        this.penalty = penalty;
        this.sleeper = sleeper;
    }

    /** The user name in {@code auth_username_format} with the default realm, or null when it has bad characters. */
    public String normalize(String login, ClientInfo client) {
        String name = login.trim();
        for (int i = 0; i < name.length(); i++) {
            if (settings.usernameChars().indexOf(name.charAt(i)) < 0) {
                return null;
            }
        }
        if (name.isEmpty()) {
            return null;
        }
        if (!settings.defaultRealm().isEmpty() && name.indexOf('@') < 0) {
            name = name + "@" + settings.defaultRealm();
        }
        return RequestVars.of(name, client, Map.of()).expand(settings.usernameFormat());
    }

    AuthResult verifyPassword(String authzid, String login, String password, ClientInfo client, String mechanism) {
        waitPenalty(client);
        String user = normalize(login, client);
        if (user == null || !authzid.isEmpty() && !authzid.equals(login)) {
            Schemes.verify(password, DUMMY, DEFAULT_SCHEME);
            return fail(FailureKind.CREDENTIALS, login, client, "bad user name or master login (not supported)");
        }
        boolean[] checked = new boolean[1];
        PassdbChain.Outcome o = passdbs.run(new Request(user, client, mechanism), fields -> {
            checked[0] = true;
            String stored = fields.get("password");
            return stored != null && Schemes.verify(password, stored, DEFAULT_SCHEME);
        });
        if (!checked[0]) {
            Schemes.verify(password, DUMMY, DEFAULT_SCHEME);
        }
        return complete(o, client);
    }

    /** Whether the passdb chain knows {@code user} (no password check, no penalty): for user lookups. */
    PassdbChain.Status passdbStatus(String user, ClientInfo client) {
        return passdbs.run(new Request(user, client), fields -> true).status();
    }

    StoredCredentials lookupCredentials(String login, ClientInfo client, String mechanism) {
        waitPenalty(client);
        String user = normalize(login, client);
        if (user == null) {
            return new StoredCredentials(login, null, null, null, null);
        }
        PassdbChain.Outcome o = passdbs.run(new Request(user, client, mechanism), fields -> true);
        if (o.status() == PassdbChain.Status.INTERNAL) {
            return new StoredCredentials(user, null, null, temporary(user, client), o);
        }
        String stored = o.fields().get("password");
        if (o.status() != PassdbChain.Status.OK || stored == null) {
            return new StoredCredentials(user, null, null, null, o);
        }
        Credentials c = Credentials.parse(stored, DEFAULT_SCHEME);
        if (c.scheme().equals("CLEAR") || c.scheme().equals("CLEARTEXT") || c.scheme().equals("PLAIN")) {
            String plain = Schemes.byName("PLAIN").orElseThrow().plaintext(c);
            return new StoredCredentials(o.user(), "PLAIN", plain, null, o);
        }
        return new StoredCredentials(o.user(), c.scheme(), c.value(), null, o);
    }

    AuthResult finish(StoredCredentials c, boolean proofOk, ClientInfo client) {
        if (c.failure() != null) {
            return c.failure();
        }
        if (!proofOk || !(c.state() instanceof PassdbChain.Outcome o)) {
            return fail(FailureKind.CREDENTIALS, c.user(), client, "wrong proof or unknown user");
        }
        return complete(o, client);
    }

    AuthResult anonymous(String trace, ClientInfo client) {
        String user = settings.anonymousUsername();
        LOG.info("anonymous login as {} (trace: {}) from {}", user, trace, client.remoteIp());
        return complete(new PassdbChain.Outcome(PassdbChain.Status.OK, user, Map.of()), client);
    }

    private AuthResult complete(PassdbChain.Outcome o, ClientInfo client) {
        switch (o.status()) {
            case INTERNAL:
                return temporary(o.user(), client);
            case DISABLED:
                return fail(FailureKind.DISABLED, o.user(), client, "denied");
            case MISMATCH, UNKNOWN:
                return fail(FailureKind.CREDENTIALS, o.user(), client, "unknown user or wrong password");
            default:
                break;
        }
        Map<String, String> userFields = new LinkedHashMap<>();
        Map<String, String> passFields = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> {
            if (k.startsWith("userdb_")) {
                userFields.put(k.substring(7), v);
            } else if (!k.equals("password") && !k.equals("nopassword") && !k.equals("allow_nets") && !k.equals("user")
                    && !v.isEmpty()) {
                passFields.put(k, v);
            }
        });
        UserdbChain.Outcome u = userdbs.run(new Request(o.user(), client), userFields);
        return switch (u.status()) {
            case FOUND -> {
                penalty.succeeded(client.remoteIp());
                yield new AuthResult.Success(o.user(), u.fields(), passFields);
            }
            case NOT_FOUND -> fail(FailureKind.CREDENTIALS, o.user(), client, "user not found from any userdb");
            case INTERNAL -> temporary(o.user(), client);
        };
    }

    private AuthResult temporary(String user, ClientInfo client) {
        LOG.warn("auth: temporary failure for user={} rip={} session={}", user, client.remoteIp(), client.sessionId());
        return AuthResult.Failure.of(FailureKind.TEMPORARY);
    }

    private AuthResult fail(FailureKind kind, String user, ClientInfo client, String why) {
        LOG.info("auth failed: user={} rip={} service={} session={}: {}", user, client.remoteIp(), client.service(),
                client.sessionId(), why);
        penalty.failed(client.remoteIp());
        pause(settings.failureDelay());
        return AuthResult.Failure.of(kind);
    }

    private void waitPenalty(ClientInfo client) {
        pause(penalty.delay(client.remoteIp()));
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mechanisms' view of this login service for one client. */
    SaslContext context(ClientInfo client, String mechanism) {
        return new SaslContext() {
            @Override
            public AuthResult verifyPassword(String authzid, String user, String password) {
                return Login.this.verifyPassword(authzid, user, password, client, mechanism);
            }

            @Override
            public StoredCredentials lookupCredentials(String user) {
                return Login.this.lookupCredentials(user, client, mechanism);
            }

            @Override
            public AuthResult finish(StoredCredentials credentials, boolean proofOk) {
                return Login.this.finish(credentials, proofOk, client);
            }

            @Override
            public AuthResult anonymous(String trace) {
                return Login.this.anonymous(trace, client);
            }

            @Override
            public String hostname() {
                return settings.hostname();
            }
        };
    }
}
