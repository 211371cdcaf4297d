package org.loftmail.auth.impl.socket;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.loftmail.api.auth.ClientInfo;

/**
 * {@code AUTH <id> <mechanism> [service=S] [secured] [rip=IP] [lip=IP] [resp=BASE64] ...}: the
 * parameters a client of the auth socket sends with a new request (unknown ones are ignored, as
 * Dovecot does).
 */
record AuthRequestLine(String id, String mechanism, ClientInfo client, String initialResponse) {

    static AuthRequestLine parse(String[] fields, String sessionId) {
        if (fields.length < 3 || fields[1].isEmpty() || fields[2].isEmpty()) {
            throw new IllegalArgumentException("AUTH needs an id and a mechanism");
        }
        String service = "";
        boolean secured = false;
        InetAddress rip = null;
        InetAddress lip = null;
        String resp = null;
        for (int i = 3; i < fields.length; i++) {
            String field = fields[i];
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String value = eq < 0 ? "" : field.substring(eq + 1);
            switch (key) {
                case "service" -> service = value;
                case "secured" -> secured = true;
                case "rip" -> rip = address(value);
                case "lip" -> lip = address(value);
                case "resp" -> resp = value;
                default -> {
                    // session, lport, rport, nologin, ...: nothing the auth service needs
                }
            }
        }
        boolean local = rip == null || rip.isLoopbackAddress();
        return new AuthRequestLine(fields[1], fields[2].toUpperCase(java.util.Locale.ROOT),
                new ClientInfo(service, rip, lip, secured, local, sessionId), resp);
    }

    private static InetAddress address(String literal) {
        if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return InetAddress.getByName(literal); // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }
}
