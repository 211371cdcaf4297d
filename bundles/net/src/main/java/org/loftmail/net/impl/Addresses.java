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
            return ip instanceof Inet6Address ? "[" + ipText(ip) + "]:" + inet.getPort() : ipText(ip) + ":" + inet.getPort();
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
            return ipText(inet.getAddress());
        }
        return format(address);
    }

    /** An IP address as text; IPv6 in the short form of RFC 5952 ({@code 2001:db8::1}), without zone. */
    static String ipText(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
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
