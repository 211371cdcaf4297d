package org.loftmail.api.auth;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Logs users in and looks them up, through the configured passdb and userdb chains. Thread-safe.
 * Methods that answer a login may block the calling thread for seconds (database lookups, the
 * failure penalty that slows down repeated failures from one address): call them from a
 * session's executor, never from an IO thread. Passwords are never logged.
 */
@ProviderType
public interface AuthService {

    /**
     * The mechanisms to advertise to this client ({@code auth_mechanisms}), in configured order.
     * Plaintext mechanisms are left out when {@code disable_plaintext_auth} forbids them for
     * this connection (IMAP then announces {@code LOGINDISABLED} if none remain).
     */
    List<String> mechanisms(ClientInfo client);

    /** Whether a plaintext login (IMAP LOGIN, POP3 USER/PASS) is allowed on this connection. */
    boolean plaintextAllowed(ClientInfo client);

    /**
     * Starts a SASL exchange. An unknown or disabled mechanism gives an exchange whose first
     * {@link SaslExchange#respond} answers {@link AuthResult.FailureKind#MECHANISM_UNSUPPORTED}.
     *
     * @param mechanism the mechanism name, case-insensitive
     */
    SaslExchange startSasl(String mechanism, ClientInfo client);

    /** Logs in with a user name and password (IMAP LOGIN, POP3 USER/PASS). */
    AuthResult authenticate(String user, String password, ClientInfo client);

    /** Looks a user up in the userdb chain without a password. */
    UserLookup lookupUser(String user, ClientInfo client);
}
