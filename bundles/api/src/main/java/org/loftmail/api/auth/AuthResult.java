package org.loftmail.api.auth;

import java.util.Map;
import java.util.Objects;

/** The outcome of a login: success with the user's fields, or why not. */
public sealed interface AuthResult permits AuthResult.Success, AuthResult.Failure {

    /**
     * The user is logged in.
     *
     * @param user the user name after {@code auth_username_format} and any {@code user=} field
     *     from a passdb: the name to open the mailbox of
     * @param userdbFields the user's fields from the userdb chain ({@code home}, {@code uid},
     *     {@code gid}, {@code mail}, {@code quota_rule}, ... and any extra field), never null
     * @param passdbFields the extra fields the passdb chain returned that are not userdb fields
     *     ({@code proxy}, {@code host}, {@code port}, ...; never the password), never null
     */
    record Success(String user, Map<String, String> userdbFields, Map<String, String> passdbFields)
            implements AuthResult {
        public Success {
            Objects.requireNonNull(user, "user");
            userdbFields = Map.copyOf(userdbFields);
            passdbFields = Map.copyOf(passdbFields);
        }
    }

    /**
     * The login failed.
     *
     * @param kind why, for the protocol to choose its answer
     * @param message a reply text safe to show the client (never says whether the user exists)
     */
    record Failure(FailureKind kind, String message) implements AuthResult {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            message = message == null ? kind.defaultMessage() : message;
        }

        public static Failure of(FailureKind kind) {
            return new Failure(kind, kind.defaultMessage());
        }
    }

    /** Why a login failed. Protocols map these once (IMAP: NO [AUTHENTICATIONFAILED], NO [UNAVAILABLE], ...). */
    enum FailureKind {
        /** Unknown user or wrong password: the two are never told apart. */
        CREDENTIALS("Authentication failed."),
        /** A database or driver could not answer: try again later (IMAP {@code NO [UNAVAILABLE]}). */
        TEMPORARY("Temporary authentication failure."),
        /** The user exists but may not log in (a {@code deny} passdb, {@code allow_nets}). */
        DISABLED("Authentication failed."),
        /** A plaintext mechanism on an unencrypted, untrusted connection ({@code disable_plaintext_auth}). */
        PLAINTEXT_DISALLOWED("Plaintext authentication disallowed on non-secure (SSL/TLS) connections."),
        /** The mechanism is not enabled, or cannot work with the stored password scheme. */
        MECHANISM_UNSUPPORTED("Unsupported authentication mechanism."),
        /** The client's SASL response could not be parsed. */
        MALFORMED("Invalid base64 data or SASL response."),
        /** The client cancelled the exchange ({@code *}). */
        CANCELLED("Authentication aborted by client.");

        private final String defaultMessage;

        FailureKind(String defaultMessage) {
            this.defaultMessage = defaultMessage;
        }

        public String defaultMessage() {
            return defaultMessage;
        }
    }
}
