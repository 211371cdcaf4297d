package org.loftmail.api.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One server-side SASL exchange, from {@link AuthService#startSasl} to its {@link SaslStep.Done}.
 * Not thread-safe: one session drives it, one response at a time. {@link #respond} may block
 * (database lookups, the failure penalty): call it from the session's executor, never from an
 * IO thread.
 */
@ProviderType
public interface SaslExchange {

    /** The mechanism's name as advertised, e.g. {@code SCRAM-SHA-256}. */
    String mechanism();

    /**
     * Feeds the client's response.
     *
     * @param base64 the response as the client sent it, base64-encoded; {@code ""} or {@code "="}
     *     is an empty response; {@code "*"} cancels. The first call carries the initial response
     *     (SASL-IR), or null when the client sent none.
     * @return the next challenge, or the result
     * @throws IllegalStateException after the exchange is done
     */
    SaslStep respond(String base64);
}
