package org.loftmail.auth.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.DbResult;
import org.loftmail.auth.impl.chain.Request;
import org.loftmail.auth.impl.scheme.Schemes;

/**
 * What every table-like passdb/userdb driver (passwd-file, sql, ldap) must do. A driver's test
 * implements this interface with two methods that store users in the driver's real backing
 * store and open its database.
 */
public interface AuthDbContract {

    ClientInfo CLIENT = new ClientInfo("imap", null, null, true, false, "contract");

    /** A passdb holding these users, by name, with their stored passwords ({@code {SCHEME}hash}). */
    AuthDb passdbWith(Map<String, String> storedPasswords) throws Exception;

    /** A userdb holding these users, by name, with their home directories. */
    AuthDb userdbWith(Map<String, String> homes) throws Exception;

    private static DbResult lookup(AuthDb db, String user) {
        return db.lookup(new Request(user, CLIENT));
    }

    @Test
    default void aKnownUserComesWithAPasswordThatVerifies() throws Exception {
        AuthDb db = passdbWith(Map.of("bob@example.com", Schemes.generate("SHA512-CRYPT", "secret"),
                "ann@example.com", "{PLAIN}other"));
        Map<String, String> fields = assertInstanceOf(DbResult.Found.class, lookup(db, "bob@example.com")).fields();
        assertTrue(Schemes.verify("secret", fields.get("password"), "CRYPT"));
        assertTrue(Schemes.verify("other",
                assertInstanceOf(DbResult.Found.class, lookup(db, "ann@example.com")).fields().get("password"), "CRYPT"));
    }

    @Test
    default void anUnknownUserIsNotFoundNotAFailure() throws Exception {
        AuthDb db = passdbWith(Map.of("bob@example.com", "{PLAIN}x"));
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "eve@example.com"));
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "bob@example.co"), "names match exactly");
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "bob"));
    }

    @Test
    default void theUserdbGivesTheHome() throws Exception {
        AuthDb db = userdbWith(Map.of("bob@example.com", "/var/mail/example.com/bob"));
        assertEquals("/var/mail/example.com/bob",
                assertInstanceOf(DbResult.Found.class, lookup(db, "bob@example.com")).fields().get("home"));
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "eve@example.com"));
    }

    @Test
    default void concurrentLookupsAllGetTheirOwnAnswer() throws Exception {
        Map<String, String> users = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            users.put("user" + i + "@example.com", "{PLAIN}pw" + i);
        }
        AuthDb db = passdbWith(users);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 400; t++) {
                int i = t % 50;
                results.add(pool.submit(() -> lookup(db, "user" + i + "@example.com") instanceof DbResult.Found f
                        && f.fields().get("password").equals("{PLAIN}pw" + i)));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
