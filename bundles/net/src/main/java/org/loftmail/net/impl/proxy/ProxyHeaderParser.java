package org.loftmail.net.impl.proxy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Incremental parser of the HAProxy PROXY protocol header, version 1 (text) and 2 (binary),
 * as specified in haproxy's doc/proxy-protocol.txt. Feed it the first bytes of a connection;
 * it consumes exactly the header and leaves what follows in the buffer.
 */
public final class ProxyHeaderParser {

    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    /** The longest v1 header, CRLF included. */
    static final int V1_MAX = 107;
    /** The longest v2 header accepted (16 bytes + addresses + TLVs). */
    static final int V2_MAX = 16 + 4096;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
    private int version;
    private ProxyHeader result;

    /**
     * Consumes header bytes from {@code in}.
     *
     * @return the header once complete (bytes after it stay in {@code in}), or null when more
     *         input is needed
     * @throws ProxyHeaderException when the input is not a valid header
     */
    public ProxyHeader feed(ByteBuffer in) throws ProxyHeaderException {
        if (result != null) {
            return result;
        }
        while (in.hasRemaining()) {
            byte b = in.get();
            buffer.write(b);
            int n = buffer.size();
            if (version == 0) {
                checkSignature(n, b);
                continue;
            }
            if (version == 1) {
                if (b == '\n') {
                    result = parseV1(buffer.toByteArray());
                    return result;
                }
                if (n >= V1_MAX) {
                    throw new ProxyHeaderException("PROXY v1 header longer than " + V1_MAX + " bytes");
                }
            } else if (n >= 16) {
                byte[] h = buffer.toByteArray();
                int length = ((h[14] & 0xff) << 8) | (h[15] & 0xff);
                if (16 + length > V2_MAX) {
                    throw new ProxyHeaderException("PROXY v2 header of " + (16 + length) + " bytes is too long");
                }
                if (n == 16 + length) {
                    result = parseV2(h, length);
                    return result;
                }
            }
        }
        return null;
    }

    private void checkSignature(int n, byte b) throws ProxyHeaderException {
        byte[] expected;
        if (n == 1) {
            if (b != V1_PREFIX[0] && b != V2_SIGNATURE[0]) {
                throw new ProxyHeaderException("connection does not start with a PROXY header");
            }
            return;
        }
        byte first = buffer.toByteArray()[0];
        expected = first == V1_PREFIX[0] ? V1_PREFIX : V2_SIGNATURE;
        if (b != expected[n - 1]) {
            throw new ProxyHeaderException("connection does not start with a PROXY header");
        }
        if (n == expected.length) {
            version = expected == V1_PREFIX ? 1 : 2;
        }
    }

    static ProxyHeader parseV1(byte[] header) throws ProxyHeaderException {
        int len = header.length;
        if (len < 2 || header[len - 2] != '\r') {
            throw new ProxyHeaderException("PROXY v1 header does not end in CRLF");
        }
        String text = new String(header, 0, len - 2, StandardCharsets.US_ASCII);
        String[] f = text.split(" ", -1);
        if (f.length >= 2 && f[1].equals("UNKNOWN")) {
            return new ProxyHeader(1, null, null);
        }
        if (f.length != 6) {
            throw new ProxyHeaderException("malformed PROXY v1 header: " + sanitize(text));
        }
        boolean v6;
        switch (f[1]) {
            case "TCP4" -> v6 = false;
            case "TCP6" -> v6 = true;
            default -> throw new ProxyHeaderException("unsupported PROXY v1 protocol " + sanitize(f[1]));
        }
        InetAddress src = literal(f[2], v6);
        InetAddress dst = literal(f[3], v6);
        return new ProxyHeader(1, new InetSocketAddress(src, port(f[4])), new InetSocketAddress(dst, port(f[5])));
    }

    static ProxyHeader parseV2(byte[] h, int length) throws ProxyHeaderException {
        int verCmd = h[12] & 0xff;
        if ((verCmd >> 4) != 2) {
            throw new ProxyHeaderException("unsupported PROXY v2 version " + (verCmd >> 4));
        }
        int command = verCmd & 0x0f;
        if (command == 0) {
            return new ProxyHeader(2, null, null); // LOCAL: the proxy's own connection
        }
        if (command != 1) {
            throw new ProxyHeaderException("unsupported PROXY v2 command " + command);
        }
        int family = (h[13] & 0xff) >> 4;
        int transport = h[13] & 0x0f;
        if (family == 0 || family == 3 || transport != 1) {
            // AF_UNSPEC, AF_UNIX or not a stream: no usable address
            return new ProxyHeader(2, null, null);
        }
        int addrLen = family == 1 ? 4 : family == 2 ? 16 : -1;
        if (addrLen < 0) {
            throw new ProxyHeaderException("unsupported PROXY v2 address family " + family);
        }
        if (length < 2 * addrLen + 4) {
            throw new ProxyHeaderException("PROXY v2 address block too short: " + length + " bytes");
        }
        try {
            InetAddress src = InetAddress.getByAddress(Arrays.copyOfRange(h, 16, 16 + addrLen));
            InetAddress dst = InetAddress.getByAddress(Arrays.copyOfRange(h, 16 + addrLen, 16 + 2 * addrLen));
            int p = 16 + 2 * addrLen;
            int srcPort = ((h[p] & 0xff) << 8) | (h[p + 1] & 0xff);
            int dstPort = ((h[p + 2] & 0xff) << 8) | (h[p + 3] & 0xff);
            return new ProxyHeader(2, new InetSocketAddress(src, srcPort), new InetSocketAddress(dst, dstPort));
        } catch (UnknownHostException e) {
            throw new ProxyHeaderException("bad PROXY v2 address: " + e.getMessage());
        }
    }

    private static InetAddress literal(String s, boolean v6) throws ProxyHeaderException {
        boolean ok = v6 ? s.matches("[0-9A-Fa-f:.]+") && s.contains(":")
                : s.matches("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
        if (ok && !v6) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    ok = false;
                }
            }
        }
        if (!ok) {
            throw new ProxyHeaderException("bad " + (v6 ? "IPv6" : "IPv4") + " address in PROXY header: " + sanitize(s));
        }
        try {
            return InetAddress.getByName(s); // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new ProxyHeaderException("bad address in PROXY header: " + sanitize(s));
        }
    }

    private static int port(String s) throws ProxyHeaderException {
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) > 65535) {
            throw new ProxyHeaderException("bad port in PROXY header: " + sanitize(s));
        }
        return Integer.parseInt(s);
    }

    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.length() > 60 ? b.substring(0, 60) + "..." : b.toString();
    }
}
