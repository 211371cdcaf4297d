package org.loftmail.api.auth;

import java.util.Map;
import java.util.Objects;

/** The result of looking a user up in the userdb chain (LMTP delivery, admin tools). */
public sealed interface UserLookup permits UserLookup.Found, UserLookup.NotFound, UserLookup.Temporary {

    /**
     * @param user the user name after {@code auth_username_format}
     * @param fields the userdb fields ({@code home}, {@code uid}, {@code mail}, ...)
     */
    record Found(String user, Map<String, String> fields) implements UserLookup {
        public Found {
            Objects.requireNonNull(user, "user");
            fields = Map.copyOf(fields);
        }
    }

    /** No userdb knows the user (LMTP: 550 5.1.1). */
    record NotFound(String user) implements UserLookup {
    }

    /** A userdb could not answer (LMTP: 451 4.3.0); {@code reason} is for logs only. */
    record Temporary(String reason) implements UserLookup {
    }
}
