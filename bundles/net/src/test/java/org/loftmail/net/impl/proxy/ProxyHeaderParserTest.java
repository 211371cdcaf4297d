package org.loftmail.net.impl.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyHeaderParserTest {

    private static InetSocketAddress addr(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static ProxyHeader parseWhole(byte[] input, byte[] expectedRest) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(input);
        ProxyHeader h = new ProxyHeaderParser().feed(in);
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        assertArrayEquals(expectedRest, rest, "bytes after the header are left in the buffer");
        return h;
    }

    private static ProxyHeader parseBytewise(byte[] input) throws Exception {
        ProxyHeaderParser p = new ProxyHeaderParser();
        ProxyHeader h = null;
        for (int i = 0; i < input.length; i++) {
            h = p.feed(ByteBuffer.wrap(input, i, 1));
            if (i < input.length - 1) {
                assertNull(h, "incomplete at byte " + i);
            }
        }
        return h;
    }

    @Test
    void v1Tcp4() throws Exception {
        byte[] header = "PROXY TCP4 192.0.2.10 198.51.100.1 56324 143\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = "A1 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] input = concat(header, rest);
        ProxyHeader h = parseWhole(input, rest);
        assertEquals(1, h.version());
        assertEquals(addr("192.0.2.10", 56324), h.source());
        assertEquals(addr("198.51.100.1", 143), h.destination());
        assertEquals(h, parseBytewise(header));
    }

    @Test
    void v1Tcp6() throws Exception {
        byte[] header = "PROXY TCP6 2001:db8::7 2001:db8::1 40000 993\r\n".getBytes(StandardCharsets.US_ASCII);
        ProxyHeader h = parseWhole(header, new byte[0]);
        assertEquals(addr("2001:db8::7", 40000), h.source());
        assertEquals(addr("2001:db8::1", 993), h.destination());
    }

    @Test
    void v1Unknown() throws Exception {
        ProxyHeader h = parseWhole("PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        assertFalse(h.proxied());
        assertFalse(parseWhole("PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n".getBytes(StandardCharsets.US_ASCII), new byte[0])
                .proxied());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n", // no CR
        "PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n", // field missing
        "PROXY TCP4 1.2.3.999 5.6.7.8 1 2\r\n", // bad IPv4
        "PROXY TCP4 ::1 5.6.7.8 1 2\r\n", // IPv6 in TCP4
        "PROXY TCP6 1.2.3.4 ::1 1 2\r\n", // IPv4 in TCP6
        "PROXY TCP4 example.com 5.6.7.8 1 2\r\n", // names are not looked up
        "PROXY TCP4 1.2.3.4 5.6.7.8 70000 2\r\n", // port out of range
        "PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n", // protocol
        "A1 LOGIN bob secret\r\n", // no header at all
        "PROXY: TCP4\r\n",
    })
    void v1Invalid(String input) {
        assertThrows(ProxyHeaderException.class,
                () -> new ProxyHeaderParser().feed(ByteBuffer.wrap(input.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void v1TooLong() {
        byte[] input = ("PROXY TCP4 " + "1".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThrows(ProxyHeaderException.class, () -> new ProxyHeaderParser().feed(ByteBuffer.wrap(input)));
    }

    @Test
    void v2Ipv4WithTlvsAndData() throws Exception {
        byte[] tlvs = {0x04, 0x00, 0x02, 'h', 'i'}; // PP2_TYPE_NOOP
        byte[] header = ProxyHeaders.v2(addr("203.0.113.5", 1234), addr("192.0.2.1", 993), tlvs);
        byte[] rest = {0x16, 0x03, 0x01}; // a ClientHello would follow
        ProxyHeader h = parseWhole(concat(header, rest), rest);
        assertEquals(2, h.version());
        assertEquals(addr("203.0.113.5", 1234), h.source());
        assertEquals(addr("192.0.2.1", 993), h.destination());
        assertEquals(h, parseBytewise(header));
    }

    @Test
    void v2Ipv6() throws Exception {
        ProxyHeader h = parseWhole(ProxyHeaders.v2(addr("2001:db8::42", 65535), addr("2001:db8::1", 143), new byte[0]), new byte[0]);
        assertEquals(addr("2001:db8::42", 65535), h.source());
    }

    @Test
    void v2LocalCommand() throws Exception {
        byte[] header = ProxyHeaders.v2(addr("1.2.3.4", 1), addr("5.6.7.8", 2), new byte[0]);
        header[12] = 0x20; // LOCAL: health check from the proxy itself
        assertFalse(parseWhole(header, new byte[0]).proxied());
    }

    @Test
    void v2UnspecifiedFamily() throws Exception {
        byte[] header = concat(ProxyHeaderParser.V2_SIGNATURE, new byte[] {0x21, 0x00, 0x00, 0x00});
        assertFalse(parseWhole(header, new byte[0]).proxied());
    }

    @Test
    void v2Invalid() throws Exception {
        byte[] good = ProxyHeaders.v2(addr("1.2.3.4", 1), addr("5.6.7.8", 2), new byte[0]);
        byte[] badVersion = good.clone();
        badVersion[12] = 0x31;
        assertThrows(ProxyHeaderException.class, () -> new ProxyHeaderParser().feed(ByteBuffer.wrap(badVersion)));
        byte[] badSignature = good.clone();
        badSignature[5] = 0x0E;
        assertThrows(ProxyHeaderException.class, () -> new ProxyHeaderParser().feed(ByteBuffer.wrap(badSignature)));
        byte[] shortAddresses = good.clone();
        shortAddresses[15] = 4; // says 4 bytes of addresses for TCP4, needs 12
        assertThrows(ProxyHeaderException.class,
                () -> new ProxyHeaderParser().feed(ByteBuffer.wrap(Arrays.copyOf(shortAddresses, 20))));
        byte[] huge = good.clone();
        huge[14] = (byte) 0xff;
        assertThrows(ProxyHeaderException.class, () -> new ProxyHeaderParser().feed(ByteBuffer.wrap(huge)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
