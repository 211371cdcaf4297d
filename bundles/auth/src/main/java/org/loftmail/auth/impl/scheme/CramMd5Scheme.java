package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Dovecot's {@code CRAM-MD5} stored form: 32 bytes in hex, the HMAC-MD5 outer then inner MD5
 * state (four little-endian words each) after the padded key block. Lets the CRAM-MD5 mechanism
 * answer without the plaintext password.
 */
public final class CramMd5Scheme implements PasswordScheme {

    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        return Bytes.equal(context(password), Bytes.decode(stored, 32));
    }

    @Override
    public String generate(String password) {
        return HexFormat.of().formatHex(context(password));
    }

    /** The 32-byte context of a password. */
    public static byte[] context(String password) {
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        if (key.length > 64) {
            key = new Md5State().finish(key, 0);
        }
        byte[] ipad = Arrays.copyOf(key, 64);
        byte[] opad = Arrays.copyOf(key, 64);
        for (int i = 0; i < 64; i++) {
            ipad[i] ^= 0x36;
            opad[i] ^= 0x5c;
        }
        Md5State inner = new Md5State();
        inner.block(ipad, 0);
        Md5State outer = new Md5State();
        outer.block(opad, 0);
        byte[] out = new byte[32];
        put(out, 0, outer.words());
        put(out, 16, inner.words());
        return out;
    }

    /** HMAC-MD5 of {@code data} from a stored context (as {@link #context} makes it). */
    public static byte[] hmac(byte[] context, byte[] data) {
        Md5State outer = new Md5State(get(context, 0));
        Md5State inner = new Md5State(get(context, 16));
        byte[] innerDigest = inner.finish(data, 64);
        return outer.finish(innerDigest, 64);
    }

    private static void put(byte[] out, int off, int[] words) {
        for (int i = 0; i < 16; i++) {
            out[off + i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
        }
    }

    private static int[] get(byte[] in, int off) {
        int[] w = new int[4];
        for (int i = 0; i < 16; i++) {
            w[i / 4] |= (in[off + i] & 0xff) << (8 * (i % 4));
        }
        return w;
    }
}
