package org.loftmail.auth.impl.chain;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Matches addresses against Dovecot's network lists ({@code 127.0.0.1 10.0.0.0/8 ::1/128},
 * separated by spaces or commas), as in {@code allow_nets} and {@code login_trusted_networks}.
 */
public final class NetworkList {

    /** Whether {@code ip} is in any network of {@code list}; false when {@code ip} is null. */
    public boolean contains(String list, InetAddress ip) {
        if (ip == null) {
            return false;
        }
        for (String net : list.trim().split("[,\\s]+")) {
            if (!net.isEmpty() && matches(net, ip)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String net, InetAddress ip) {
        int slash = net.indexOf('/');
        try {
            // literal addresses only: getByName does no DNS lookup for them
            String host = slash < 0 ? net : net.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                return false;
            }
            byte[] base = InetAddress.getByName(host).getAddress();
            byte[] addr = ip.getAddress();
            if (base.length != addr.length) {
                return false;
            }
            int bits = slash < 0 ? base.length * 8 : Integer.parseInt(net.substring(slash + 1));
            for (int i = 0; i < base.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((base[i] & mask) != (addr[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
