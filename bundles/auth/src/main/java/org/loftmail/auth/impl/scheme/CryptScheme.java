package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.apache.commons.codec.digest.UnixCrypt;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The crypt(3) family: {@code MD5-CRYPT} ({@code $1$}), {@code SHA256-CRYPT} ({@code $5$}),
 * {@code SHA512-CRYPT} ({@code $6$}), {@code BLF-CRYPT} ({@code $2a$ $2b$ $2y$}), the traditional
 * {@code DES-CRYPT} (13 characters; only the first 8 characters of a password count) and
 * {@code CRYPT}, which verifies any of them by the hash's own prefix (like glibc's crypt).
 * A name's generator makes its own kind; CRYPT generates SHA512-CRYPT.
 */
final class CryptScheme implements PasswordScheme {

    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BCRYPT_COST = 10;

    private final String name;
    private final String prefix;

    CryptScheme(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        String hash = stored.value().trim();
        try {
            if (hash.startsWith("$2")) {
                return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
            }
            byte[] key = password.getBytes(StandardCharsets.UTF_8);
            String computed;
            if (hash.startsWith("$1$")) {
                computed = Md5Crypt.md5Crypt(key, hash);
            } else if (hash.startsWith("$5$")) {
                computed = Sha2Crypt.sha256Crypt(key, hash);
            } else if (hash.startsWith("$6$")) {
                computed = Sha2Crypt.sha512Crypt(key, hash);
            } else if (hash.length() == 13 && hash.matches("[./0-9A-Za-z]{13}")) {
                computed = UnixCrypt.crypt(key, hash);
            } else {
                return false;
            }
            return Bytes.equal(computed.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String generate(String password) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        return switch (prefix) {
            case "$1$" -> Md5Crypt.md5Crypt(key, "$1$" + salt(8));
            case "$5$" -> Sha2Crypt.sha256Crypt(key, "$5$" + salt(16));
            case "DES" -> UnixCrypt.crypt(key, salt(2));
            case "$2y$" -> OpenBSDBCrypt.generate("2y", password.toCharArray(), Bytes.random(16), BCRYPT_COST);
            default -> Sha2Crypt.sha512Crypt(key, "$6$" + salt(16));
        };
    }

    private static String salt(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(SALT_CHARS.charAt(Bytes.RANDOM.nextInt(SALT_CHARS.length())));
        }
        return s.toString();
    }
}
