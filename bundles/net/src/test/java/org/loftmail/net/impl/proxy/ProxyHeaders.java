package org.loftmail.net.impl.proxy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;

/** Builds PROXY headers for tests. */
public final class ProxyHeaders {

    private ProxyHeaders() {
    }

    /** A PROXY v2 header (PROXY command, TCP over the address's family) followed by nothing. */
    public static byte[] v2(InetSocketAddress src, InetSocketAddress dst, byte[] tlvs) {
        byte[] s = src.getAddress().getAddress();
        byte[] d = dst.getAddress().getAddress();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ProxyHeaderParser.V2_SIGNATURE);
        out.write(0x21);
        out.write(s.length == 4 ? 0x11 : 0x21);
        int len = 2 * s.length + 4 + tlvs.length;
        out.write(len >> 8);
        out.write(len & 0xff);
        out.writeBytes(s);
        out.writeBytes(d);
        out.write(src.getPort() >> 8);
        out.write(src.getPort() & 0xff);
        out.write(dst.getPort() >> 8);
        out.write(dst.getPort() & 0xff);
        out.writeBytes(tlvs);
        return out.toByteArray();
    }
}
