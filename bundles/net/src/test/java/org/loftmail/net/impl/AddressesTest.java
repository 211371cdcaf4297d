package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void bindAddresses() throws Exception {
        List<InetSocketAddress> a = Addresses.bindAddresses(List.of("*", "::", "127.0.0.1", "[::1]"), 143);
        assertEquals(List.of(new InetSocketAddress(Addresses.ANY_V4, 143), new InetSocketAddress(Addresses.ANY_V6, 143),
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 143),
                new InetSocketAddress(InetAddress.getByName("::1"), 143)), a);
        assertEquals(2, Addresses.bindAddresses(List.of("*, ::"), 1).size(), "a Dovecot style list in one value");
        assertTrue(Addresses.bindAddresses(List.of("localhost"), 1).stream().allMatch(s -> s.getAddress().isLoopbackAddress()));
    }

    @Test
    void formats() throws Exception {
        assertEquals("[2001:db8::1]:993", Addresses.format(new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:0:0:0:1"), 993)));
        assertEquals("[::1]:1", Addresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 1)));
        assertEquals("[2001:db8:0:1:1:1:1:1]:1",
                Addresses.format(new InetSocketAddress(InetAddress.getByName("2001:db8:0:1:1:1:1:1"), 1)));
        assertEquals("[2001:0:0:1::1]:1", Addresses.format(new InetSocketAddress(InetAddress.getByName("2001:0:0:1:0:0:0:1"), 1)));
        assertEquals("192.0.2.1:25", Addresses.format(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 25)));
        assertEquals("unix:/run/x", Addresses.format(UnixDomainSocketAddress.of("/run/x")));
        assertEquals("unix", Addresses.format(UnixDomainSocketAddress.of("")));
        assertTrue(Addresses.isLocal(UnixDomainSocketAddress.of("")));
    }
}
