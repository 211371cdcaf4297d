package org.loftmail.auth.impl.sasl;

import org.loftmail.api.auth.AuthResult;

/**
 * The outcome of a credentials lookup for a challenge-response mechanism.
 *
 * @param user the user name as the passdb knows it
 * @param scheme the stored scheme ({@code PLAIN}, {@code CRAM-MD5}, {@code SCRAM-SHA-1}, ...), null when not found
 * @param value the stored value without prefix, decoded to the scheme's text form (plaintext for PLAIN)
 * @param failure set when the lookup failed in a way the client must hear now (temporary failure)
 * @param state the engine's own state to carry to {@link SaslContext#finish}
 */
public record StoredCredentials(String user, String scheme, String value, AuthResult failure, Object state) {

    public boolean found() {
        return scheme != null && failure == null;
    }
}
