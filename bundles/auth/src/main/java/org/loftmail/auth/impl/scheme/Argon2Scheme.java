package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * {@code ARGON2I} and {@code ARGON2ID} in the PHC string format that libargon2 and libsodium
 * write: {@code $argon2id$v=19$m=65536,t=3,p=1$SALT$HASH} (base64 without padding).
 */
final class Argon2Scheme implements PasswordScheme {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final String name;
    private final int type;
    private final String id;

    Argon2Scheme(String name, int type, String id) {
        this.name = name;
        this.type = type;
        this.id = id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        String[] p = stored.value().trim().split("\\$");
        // "", argon2id, v=19, m=..,t=..,p=.., salt, hash   (v= may be missing in old hashes)
        if (p.length < 5 || !p[1].equals(id)) {
            return false;
        }
        try {
            int version = p.length == 6 ? Integer.parseInt(p[2].substring(2)) : Argon2Parameters.ARGON2_VERSION_10;
            String[] cost = p[p.length - 3].split(",");
            int m = 0;
            int t = 0;
            int par = 0;
            for (String c : cost) {
                int v = Integer.parseInt(c.substring(2));
                switch (c.charAt(0)) {
                    case 'm' -> m = v;
                    case 't' -> t = v;
                    case 'p' -> par = v;
                    default -> { }
                }
            }
            byte[] salt = Base64.getDecoder().decode(pad(p[p.length - 2]));
            byte[] expected = Base64.getDecoder().decode(pad(p[p.length - 1]));
            return Bytes.equal(hash(password, salt, version, m, t, par, expected.length), expected);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    @Override
    public String generate(String password) {
        byte[] salt = Bytes.random(16);
        int m = 65536;
        int t = 3;
        byte[] h = hash(password, salt, Argon2Parameters.ARGON2_VERSION_13, m, t, 1, 32);
        return "$" + id + "$v=19$m=" + m + ",t=" + t + ",p=1$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(h);
    }

    private byte[] hash(String password, byte[] salt, int version, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(m)
                .withIterations(t).withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(params);
        byte[] out = new byte[length];
        g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private static String pad(String b64) {
        return b64 + "===".substring(0, (4 - b64.length() % 4) % 4);
    }
}
