package org.loftmail.api.auth;

import java.util.Objects;

/** What a SASL exchange answers to a client response. */
public sealed interface SaslStep permits SaslStep.Challenge, SaslStep.Done {

    /**
     * Send this challenge ({@code + BASE64} in IMAP, {@code CONT} on the auth socket) and feed
     * the client's answer to {@link SaslExchange#respond}.
     *
     * @param base64 the challenge, base64-encoded (empty for an empty challenge)
     */
    record Challenge(String base64) implements SaslStep {
        public Challenge {
            Objects.requireNonNull(base64, "base64");
        }
    }

    /** The exchange is over. */
    record Done(AuthResult result) implements SaslStep {
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }
}
