package org.loftmail.quota.impl;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;
import org.loftmail.storage.memory.impl.MemoryDriver;

/**
 * The real storage core with the memory driver, the two quota components wired as DS would
 * (the accounting as hook and listener, the service as its backing), and a userdb in a map.
 * Background work runs on the calling thread, so results are deterministic.
 */
final class QuotaFixture implements AutoCloseable {

    final Map<String, Map<String, String>> userdb = new ConcurrentHashMap<>();
    final CoreHarness storage;
    final QuotaAccounting accounting;
    final QuotaComponent service;

    /**
     * @param settings {@code org.loftmail.settings}; a {@code mail_location} of {@code maildir:...}
     *     is served by the memory driver registered under the name {@code maildir}
     */
    QuotaFixture(Map<String, Object> settings) {
        this(settings, false);
    }

    /** With {@code async}, the accounting runs as in production, with its own thread. */
    QuotaFixture(Map<String, Object> settings, boolean async) {
        Map<String, Object> s = new HashMap<>(settings);
        s.putIfAbsent("mail_location", "memory:");
        String location = s.get("mail_location").toString();
        String driver = location.substring(0, location.indexOf(':'));
        storage = new CoreHarness(driver, new MemoryDriver(), s);
        accounting = async ? new QuotaAccounting(s) : new QuotaAccounting(s, Runnable::run, Clock.systemUTC());
        service = new QuotaComponent(new MapAuth(), storage.storage(), accounting);
        storage.quota(accounting);
        storage.addListener(accounting);
    }

    static Map<String, Object> settings(String... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    UserMailboxes open(String user) throws StorageException {
        return storage.open(user);
    }

    /** A message of exactly {@code size} octets. */
    static byte[] message(int size) {
        String head = "Subject: t\r\n\r\n";
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() < size) {
            sb.append('x');
        }
        return sb.substring(0, Math.max(size, head.length())).getBytes(StandardCharsets.US_ASCII);
    }

    static void append(UserMailboxes mb, String mailbox, int... sizes) throws StorageException {
        List<AppendRequest> reqs = new java.util.ArrayList<>();
        for (int size : sizes) {
            reqs.add(AppendRequest.of(message(size)));
        }
        mb.append(mailbox, reqs);
    }

    @Override
    public void close() {
        service.deactivate();
        storage.close();
        accounting.deactivate();
    }

    private final class MapAuth implements AuthService {
        @Override
        public List<String> mechanisms(ClientInfo client) {
            return List.of();
        }

        @Override
        public boolean plaintextAllowed(ClientInfo client) {
            return false;
        }

        @Override
        public SaslExchange startSasl(String mechanism, ClientInfo client) {
            return new SaslExchange() { // no SASL mechanism is enabled here
                @Override
                public String mechanism() {
                    return mechanism;
                }

                @Override
                public SaslStep respond(String base64) {
                    return new SaslStep.Done(AuthResult.Failure.of(AuthResult.FailureKind.MECHANISM_UNSUPPORTED));
                }
            };
        }

        @Override
        public AuthResult authenticate(String user, String password, ClientInfo client) {
            return AuthResult.Failure.of(AuthResult.FailureKind.CREDENTIALS); // nobody logs in here
        }

        @Override
        public UserLookup lookupUser(String user, ClientInfo client) {
            Map<String, String> fields = userdb.get(user);
            if (fields == null) {
                return new UserLookup.NotFound(user);
            }
            if (fields.containsKey("temporary")) {
                return new UserLookup.Temporary("down");
            }
            return new UserLookup.Found(user, fields);
        }
    }
}
