package org.loftmail.auth.impl.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of RFC 5802 section 3 for one password: what a server stores to check SCRAM proofs.
 *
 * @param hmac the JCA HMAC name, {@code HmacSHA1} or {@code HmacSHA256}
 */
public record ScramKeys(String hmac, int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    /** Computes the keys from the password (RFC 5802: SaltedPassword := Hi(password, salt, i)). */
    public static ScramKeys derive(String hmac, String password, byte[] salt, int iterations) {
        byte[] salted = hi(hmac, password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = mac(hmac, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = mac(hmac, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramKeys(hmac, iterations, salt, hash(hmac, clientKey), serverKey);
    }

    static byte[] hi(String hmac, byte[] password, byte[] salt, int iterations) {
        byte[] first = new byte[salt.length + 4];
        System.arraycopy(salt, 0, first, 0, salt.length);
        first[first.length - 1] = 1;
        byte[] u = mac(hmac, password, first);
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac(hmac, password, u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    static byte[] mac(String hmac, byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance(hmac);
            m.init(new SecretKeySpec(key, hmac));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac, e);
        }
    }

    static byte[] hash(String hmac, byte[] data) {
        try {
            return MessageDigest.getInstance(hmac.equals("HmacSHA1") ? "SHA-1" : "SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac, e);
        }
    }
}
