package org.loftmail.imap.impl.request;

import java.util.Base64;

/**
 * {@code authenticate SP auth-type [SP (base64 / "=")]} (RFC 3501 6.2.2, SASL-IR RFC 4959).
 *
 * @param mechanism       the SASL mechanism, upper case
 * @param initialResponse the decoded initial response, empty for {@code =}, null when absent
 */
public record AuthenticateRequest(String tag, String mechanism, byte[] initialResponse)
        implements ImapRequest {

    /** Whether the client sent an initial response (SASL-IR). */
    public boolean hasInitialResponse() {
        return initialResponse != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticateRequest a && a.tag.equals(tag)
                && a.mechanism.equals(mechanism)
                && java.util.Arrays.equals(a.initialResponse, initialResponse);
    }

    @Override
    public int hashCode() {
        return tag.hashCode() * 31 + mechanism.hashCode();
    }

    @Override
    public String toString() {
        return "AuthenticateRequest[tag=" + tag + ", mechanism=" + mechanism + ", ir="
                + (initialResponse == null ? "none" : Base64.getEncoder().encodeToString(initialResponse)) + "]";
    }
}
