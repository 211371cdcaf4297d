package org.loftmail.api.auth;

import java.util.Map;
import java.util.Objects;

/** What a passdb or userdb lookup found. */
public sealed interface DbResult permits DbResult.Found, DbResult.NotFound, DbResult.Unavailable {

    /**
     * The user exists.
     *
     * @param fields for a passdb: {@code password} (the stored credentials, {@code {SCHEME}hash}
     *     or without prefix for the default scheme), {@code user} (to change the user name),
     *     {@code nopassword}, {@code allow_nets}, {@code userdb_*}, {@code proxy}, {@code host}
     *     and any extra field; for a userdb: {@code uid}, {@code gid}, {@code home}, {@code mail}
     *     and any extra field. A flag such as {@code nopassword} may have an empty value (it is
     *     on when present with an empty value, {@code y} or {@code yes}); for other fields an
     *     empty value means "not set".
     */
    record Found(Map<String, String> fields) implements DbResult {
        public Found {
            fields = Map.copyOf(fields);
        }
    }

    /** The user is not in this database. */
    record NotFound() implements DbResult {
    }

    /**
     * The database could not answer (down, unreadable file): a temporary failure, never
     * "wrong password".
     *
     * @param reason for the log; must not contain a password
     */
    record Unavailable(String reason) implements DbResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
