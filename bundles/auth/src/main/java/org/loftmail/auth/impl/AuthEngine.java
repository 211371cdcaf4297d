package org.loftmail.auth.impl;

import java.util.List;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.auth.impl.chain.NetworkList;
import org.loftmail.auth.impl.chain.Request;
import org.loftmail.auth.impl.chain.UserdbChain;
import org.loftmail.auth.impl.sasl.Mechanism;
import org.loftmail.auth.impl.sasl.Mechanisms;

/**
 * The auth service for one configuration: which logins are allowed on which connection, the
 * SASL exchanges and user lookups. The login work itself is in {@link Login}. Thread-safe.
 */
public final class AuthEngine implements AuthService {

    private final AuthSettings settings;
    private final Login login;
    private final UserdbChain userdbs;
    private final Mechanisms mechanisms;
    private final NetworkList networks = new NetworkList();

    public AuthEngine(AuthSettings settings, Login login, UserdbChain userdbs, Mechanisms mechanisms) {
        this.settings = settings;
        this.login = login;
        this.userdbs = userdbs;
        this.mechanisms = mechanisms;
    }

    @Override
    public List<String> mechanisms(ClientInfo client) {
        boolean plain = plaintextAllowed(client);
        return settings.mechanisms().stream()
                .filter(name -> mechanisms.byName(name).filter(m -> plain || !m.plaintext()).isPresent())
                .toList();
    }

    @Override
    public boolean plaintextAllowed(ClientInfo client) {
        return !settings.disablePlaintext() || client.secure() || client.local()
                || client.remoteIp() != null && client.remoteIp().isLoopbackAddress()
                || networks.contains(settings.trustedNetworks(), client.remoteIp());
    }

    @Override
    public SaslExchange startSasl(String mechanism, ClientInfo client) {
        Mechanism m = settings.mechanisms().contains(mechanism.toUpperCase(java.util.Locale.ROOT))
                ? mechanisms.byName(mechanism).orElse(null) : null;
        if (m == null) {
            return Exchange.failing(mechanism, AuthResult.Failure.of(FailureKind.MECHANISM_UNSUPPORTED));
        }
        if (m.plaintext() && !plaintextAllowed(client)) {
            return Exchange.failing(m.name(), AuthResult.Failure.of(FailureKind.PLAINTEXT_DISALLOWED));
        }
        return new Exchange(m.name(), m.start(login.context(client, m.name())));
    }

    @Override
    public AuthResult authenticate(String user, String password, ClientInfo client) {
        if (!plaintextAllowed(client)) {
            return AuthResult.Failure.of(FailureKind.PLAINTEXT_DISALLOWED);
        }
        return login.verifyPassword("", user, password, client, "PLAIN");
    }

    @Override
    public UserLookup lookupUser(String user, ClientInfo client) {
        String name = login.normalize(user, client);
        if (name == null) {
            return new UserLookup.NotFound(user);
        }
        if (settings.userLookupNeedsPassdb()) {
            switch (login.passdbStatus(name, client)) {
                case OK:
                    break;
                case INTERNAL:
                    return new UserLookup.Temporary("a passdb failed for " + name);
                default:
                    return new UserLookup.NotFound(name);
            }
        }
        UserdbChain.Outcome o = userdbs.run(new Request(name, client), java.util.Map.of());
        return switch (o.status()) {
            case FOUND -> new UserLookup.Found(name, o.fields());
            case NOT_FOUND -> new UserLookup.NotFound(name);
            case INTERNAL -> new UserLookup.Temporary("a userdb failed for " + name);
        };
    }
}
