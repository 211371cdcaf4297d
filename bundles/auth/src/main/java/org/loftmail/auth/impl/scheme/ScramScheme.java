package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.loftmail.auth.impl.sasl.ScramKeys;

/**
 * Dovecot's {@code SCRAM-SHA-1} and {@code SCRAM-SHA-256} stored form:
 * {@code ITERATIONS,SALT,STOREDKEY,SERVERKEY} (base64 values), usable by the SCRAM mechanisms
 * without the plaintext password.
 */
public final class ScramScheme implements PasswordScheme {

    private static final int ITERATIONS = 4096;

    private final String name;
    private final String hmac;

    ScramScheme(String name, String hmac) {
        this.name = name;
        this.hmac = hmac;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        ScramKeys keys = parse(stored.value(), hmac);
        if (keys == null) {
            return false;
        }
        ScramKeys computed = ScramKeys.derive(hmac, password, keys.salt(), keys.iterations());
        return Bytes.equal(computed.storedKey(), keys.storedKey());
    }

    @Override
    public String generate(String password) {
        ScramKeys k = ScramKeys.derive(hmac, password, Bytes.random(16), ITERATIONS);
        Base64.Encoder e = Base64.getEncoder();
        return k.iterations() + "," + e.encodeToString(k.salt()) + "," + e.encodeToString(k.storedKey()) + ","
                + e.encodeToString(k.serverKey());
    }

    /** The keys of a stored value, or null when it is not in the format. */
    public static ScramKeys parse(String value, String hmac) {
        String[] p = value.trim().split(",");
        if (p.length != 4) {
            return null;
        }
        try {
            Base64.Decoder d = Base64.getDecoder();
            return new ScramKeys(hmac, Integer.parseInt(p[0]), d.decode(p[1].getBytes(StandardCharsets.US_ASCII)),
                    d.decode(p[2]), d.decode(p[3]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
