package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Dovecot's {@code PBKDF2}: {@code $1$SALT$ROUNDS$HEX}, PBKDF2-HMAC-SHA1 over the salt as
 * written (its ASCII characters), 20 bytes of output in hex.
 */
final class Pbkdf2Scheme implements PasswordScheme {

    private static final int ROUNDS = 5000;
    private static final String SALT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Override
    public String name() {
        return "PBKDF2";
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        String[] p = stored.value().trim().split("\\$");
        if (p.length != 5 || !p[1].equals("1")) {
            return false;
        }
        try {
            byte[] expected = HexFormat.of().parseHex(p[4]);
            return Bytes.equal(derive(password, p[2], Integer.parseInt(p[3]), expected.length), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String generate(String password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            salt.append(SALT_CHARS.charAt(Bytes.RANDOM.nextInt(SALT_CHARS.length())));
        }
        return "$1$" + salt + "$" + ROUNDS + "$" + HexFormat.of().formatHex(derive(password, salt.toString(), ROUNDS, 20));
    }

    private static byte[] derive(String password, String salt, int rounds, int length) {
        if (rounds < 1 || length < 1 || length > 64) {
            throw new IllegalArgumentException("bad PBKDF2 parameters");
        }
        PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(new SHA1Digest());
        g.init(password.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.US_ASCII), rounds);
        return ((KeyParameter) g.generateDerivedMacParameters(length * 8)).getKey();
    }
}
