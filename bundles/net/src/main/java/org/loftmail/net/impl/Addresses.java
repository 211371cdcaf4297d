package org.loftmail.net.impl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parsing listener addresses and formatting peer addresses for logs. */
final class Addresses {

    static final InetAddress ANY_V4 = literal("0.0.0.0");
    static final InetAddress ANY_V6 = literal("::");

    private Addresses() {
    }

    /**
     * The socket addresses to bind: {@code *} is every IPv4 address, {@code ::} every IPv6
     * address, literals are used as they are and host names are resolved (all their addresses).
     * Entries may also be comma or space separated lists.
     */
    static List<InetSocketAddress> bindAddresses(List<String> addresses, int port) throws UnknownHostException {
        Set<InetSocketAddress> out = new LinkedHashSet<>();
        for (String entry : addresses) {
            for (String a : entry.split("[,\\s]+")) {
                if (a.isBlank()) {
                    continue;
                }
                for (InetAddress ip : resolve(a.trim())) {
                    out.add(new InetSocketAddress(ip, port));
                }
            }
        }
        return new ArrayList<>(out);
    }

    static List<InetAddress> resolve(String a) throws UnknownHostException {
        if (a.equals("*") || a.equals("0.0.0.0")) {
            return List.of(ANY_V4);
        }
        if (a.equals("::") || a.equals("[::]")) {
            return List.of(ANY_V6);
        }
        String s = a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
        return List.of(InetAddress.getAllByName(s));
    }

    /** {@code 192.0.2.1:143}, {@code [2001:db8::1]:143}, {@code unix:/run/loft/lmtp} */
    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress ip = inet.getAddress();
            if (ip == null) {
                return inet.getHostString() + ":" + inet.getPort();
            }
            String host = ip.getHostAddress();
            int zone = host.indexOf('%');
            if (zone >= 0 && ip instanceof Inet6Address) {
                host = host.substring(0, zone);
            }
            return ip instanceof Inet6Address ? "[" + host + "]:" + inet.getPort() : host + ":" + inet.getPort();
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            String path = unix.getPath().toString();
            return path.isEmpty() ? "unix" : "unix:" + path;
        }
        return address == null ? "unknown" : address.toString();
    }

    /** The IP of an inet address as text, for per-address messages. */
    static String host(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return format(address);
    }

    /** The IP address, or null for Unix sockets. */
    static InetAddress ip(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    static boolean isLocal(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return true;
        }
        InetAddress ip = ip(address);
        return ip != null && ip.isLoopbackAddress();
    }

    private static InetAddress literal(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
