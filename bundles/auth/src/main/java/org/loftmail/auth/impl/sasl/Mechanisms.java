package org.loftmail.auth.impl.sasl;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The mechanisms Loft implements, by name. */
public final class Mechanisms {

    private final Map<String, Mechanism> byName = new LinkedHashMap<>();

    private Mechanisms(Supplier<String> nonces, Supplier<byte[]> salts) {
        add(new PlainMechanism());
        add(new LoginMechanism());
        add(new CramMd5Mechanism(nonces));
        add(new ScramMechanism("SCRAM-SHA-1", "HmacSHA1", nonces, salts));
        add(new ScramMechanism("SCRAM-SHA-256", "HmacSHA256", nonces, salts));
        add(new AnonymousMechanism());
    }

    /** The mechanisms with random nonces and salts. */
    public static Mechanisms standard() {
        SecureRandom random = new SecureRandom();
        return new Mechanisms(() -> {
            byte[] b = new byte[18];
            random.nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        }, () -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return b;
        });
    }

    /** The mechanisms with given nonces and salts (for tests against RFC examples). */
    public static Mechanisms with(Supplier<String> nonces, Supplier<byte[]> salts) {
        return new Mechanisms(nonces, salts);
    }

    private void add(Mechanism m) {
        byName.put(m.name(), m);
    }

    public Optional<Mechanism> byName(String name) {
        return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
    }
}
