package org.loftmail.auth.impl.sasl;

import org.loftmail.api.auth.AuthResult;

/**
 * What a mechanism asks of the auth engine. Implemented by the engine for one exchange; the
 * engine applies the username format, the chains, the failure penalty and the userdb lookup.
 */
public interface SaslContext {

    /** A plaintext login (PLAIN, LOGIN): runs the passdb chain with the password, then the userdb chain. */
    AuthResult verifyPassword(String authzid, String user, String password);

    /** Looks up the stored credentials of {@code user} in the passdb chain (CRAM-MD5, SCRAM). */
    StoredCredentials lookupCredentials(String user);

    /**
     * Ends a credentials-based exchange: success (userdb lookup) when {@code proofOk}, else the
     * same failure as a wrong password.
     */
    AuthResult finish(StoredCredentials credentials, boolean proofOk);

    /** Logs in the anonymous user (ANONYMOUS); {@code trace} is the client's trace text. */
    AuthResult anonymous(String trace);

    /** The host name for challenges that carry one (CRAM-MD5). */
    String hostname();
}
