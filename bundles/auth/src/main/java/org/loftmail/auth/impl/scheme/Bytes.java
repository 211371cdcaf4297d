package org.loftmail.auth.impl.scheme;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Small byte helpers shared by the schemes. */
final class Bytes {

    static final SecureRandom RANDOM = new SecureRandom();

    private Bytes() {
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Decodes {@code value} as {@code encoding} (HEX, B64), else by guessing from the length of {@code rawLength}. */
    static byte[] decode(Credentials c, int rawLength) {
        String v = c.value().trim();
        try {
            if ("HEX".equals(c.encoding())) {
                return HexFormat.of().parseHex(v);
            }
            if ("B64".equals(c.encoding())) {
                return Base64.getMimeDecoder().decode(v);
            }
            if (rawLength > 0 && v.length() == rawLength * 2 && v.matches("[0-9a-fA-F]+")) {
                return HexFormat.of().parseHex(v);
            }
            return Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
