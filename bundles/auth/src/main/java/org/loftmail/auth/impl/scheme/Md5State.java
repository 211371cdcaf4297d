package org.loftmail.auth.impl.scheme;

/**
 * MD5 (RFC 1321) with its chaining state exposed, for Dovecot's {@code CRAM-MD5} stored form:
 * the HMAC-MD5 inner and outer states after the key block, so CRAM-MD5 can be answered without
 * the plaintext password.
 */
public final class Md5State {

    private static final int[] S = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    private static final int[] K = new int[64];

    static {
        for (int i = 0; i < 64; i++) {
            K[i] = (int) (long) Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296.0);
        }
    }

    private final int[] h;

    /** The initial state. */
    public Md5State() {
        this(new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476});
    }

    /** A state as Dovecot stores it: four little-endian words. */
    public Md5State(int[] words) {
        this.h = words.clone();
    }

    public int[] words() {
        return h.clone();
    }

    /** Processes one 64-byte block. */
    public void block(byte[] b, int off) {
        int[] x = new int[16];
        for (int i = 0; i < 16; i++) {
            x[i] = (b[off + 4 * i] & 0xff) | (b[off + 4 * i + 1] & 0xff) << 8 | (b[off + 4 * i + 2] & 0xff) << 16
                    | (b[off + 4 * i + 3] & 0xff) << 24;
        }
        int a = h[0];
        int bb = h[1];
        int c = h[2];
        int d = h[3];
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            if (i < 16) {
                f = (bb & c) | (~bb & d);
                g = i;
            } else if (i < 32) {
                f = (d & bb) | (~d & c);
                g = (5 * i + 1) % 16;
            } else if (i < 48) {
                f = bb ^ c ^ d;
                g = (3 * i + 5) % 16;
            } else {
                f = c ^ (bb | ~d);
                g = (7 * i) % 16;
            }
            int t = d;
            d = c;
            c = bb;
            bb = bb + Integer.rotateLeft(a + f + K[i] + x[g], S[(i / 16) * 4 + i % 4]);
            a = t;
        }
        h[0] += a;
        h[1] += bb;
        h[2] += c;
        h[3] += d;
    }

    /** Finishes the digest over {@code tail}, given that {@code already} bytes were processed by {@link #block}. */
    public byte[] finish(byte[] tail, long already) {
        long bits = (already + tail.length) * 8;
        int padded = ((tail.length + 8) / 64 + 1) * 64;
        byte[] m = new byte[padded];
        System.arraycopy(tail, 0, m, 0, tail.length);
        m[tail.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            m[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        for (int off = 0; off < padded; off += 64) {
            block(m, off);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (h[i / 4] >>> (8 * (i % 4)));
        }
        return out;
    }
}
