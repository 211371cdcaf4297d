package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Plain and salted digests: {@code SHA}, {@code SHA256}, {@code SHA512}, {@code PLAIN-MD5},
 * {@code LDAP-MD5} (digest of the password) and {@code SSHA}, {@code SSHA256}, {@code SSHA512},
 * {@code SMD5} (digest of password + salt, stored as digest + salt). Base64 unless the scheme's
 * default is hex ({@code PLAIN-MD5}) or an encoding suffix says otherwise.
 */
final class DigestScheme implements PasswordScheme {

    private final String name;
    private final String algorithm;
    private final boolean salted;
    private final boolean hex;

    DigestScheme(String name, String algorithm, boolean salted, boolean hex) {
        this.name = name;
        this.algorithm = algorithm;
        this.salted = salted;
        this.hex = hex;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        int size = digest().getDigestLength();
        byte[] raw = Bytes.decode(stored, salted ? 0 : size);
        if (raw.length < size || (!salted && raw.length != size)) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(raw, size, raw.length);
        byte[] expected = Arrays.copyOf(raw, size);
        return Bytes.equal(hash(password, salt), expected);
    }

    @Override
    public String generate(String password) {
        byte[] raw = generateRaw(password);
        return hex ? HexFormat.of().formatHex(raw) : Bytes.b64(raw);
    }

    /** A new hash (and salt) before encoding. */
    byte[] generateRaw(String password) {
        byte[] salt = salted ? Bytes.random(8) : new byte[0];
        return Bytes.concat(hash(password, salt), salt);
    }

    private byte[] hash(String password, byte[] salt) {
        MessageDigest d = digest();
        d.update(password.getBytes(StandardCharsets.UTF_8));
        d.update(salt);
        return d.digest();
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }
}
