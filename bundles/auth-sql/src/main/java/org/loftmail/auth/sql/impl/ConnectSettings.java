package org.loftmail.auth.sql.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code connect} string of dovecot-sql.conf.ext for {@code driver = mysql}:
 * {@code host=... port=... dbname=... user=... password=... ssl_ca=... ssl_verify_server_cert=...}.
 * Several {@code host=} values are tried in order, as Dovecot does.
 */
public record ConnectSettings(List<String> hosts, int port, String database, String user, String password,
                              Map<String, String> ssl, int connectTimeoutSeconds) {

    public static ConnectSettings parse(String connect) {
        List<String> hosts = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> ssl = new LinkedHashMap<>();
        for (String token : tokens(connect)) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("connect: '" + token + "' is not key=value");
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            switch (key) {
                case "host" -> hosts.add(value);
                case "port", "dbname", "user", "password", "connect_timeout", "read_timeout", "write_timeout",
                     "client_flags", "option_file", "option_group", "character_set" -> values.put(key, value);
                case "ssl_ca", "ssl_ca_path", "ssl_cert", "ssl_key", "ssl_cipher", "ssl_verify_server_cert" -> ssl.put(key, value);
                default -> throw new IllegalArgumentException("connect: unknown parameter " + key);
            }
        }
        if (hosts.isEmpty()) {
            hosts.add("localhost");
        }
        for (String host : hosts) {
            if (host.startsWith("/")) {
                throw new IllegalArgumentException("connect: host=" + host
                        + " is a Unix socket, which MySQL Connector/J cannot use; give host=127.0.0.1 (and port=) instead");
            }
        }
        if (!values.containsKey("dbname")) {
            throw new IllegalArgumentException("connect: dbname= is missing");
        }
        return new ConnectSettings(List.copyOf(hosts), Integer.parseInt(values.getOrDefault("port", "3306")),
                values.get("dbname"), values.getOrDefault("user", ""), values.getOrDefault("password", ""),
                Map.copyOf(ssl), Integer.parseInt(values.getOrDefault("connect_timeout", "5")));
    }

    /** Splits on spaces; a value may be quoted with double quotes to hold spaces. */
    private static List<String> tokens(String connect) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : connect.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** The JDBC URL for MySQL Connector/J, with failover over the hosts in order. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:mysql://");
        for (int i = 0; i < hosts.size(); i++) {
            if (i > 0) {
                url.append(',');
            }
            url.append(hosts.get(i)).append(':').append(port);
        }
        url.append('/').append(database).append("?allowPublicKeyRetrieval=true&connectTimeout=")
                .append(connectTimeoutSeconds * 1000L).append("&sslMode=").append(sslMode());
        return url.toString();
    }

    private String sslMode() {
        if (ssl.isEmpty()) {
            return "DISABLED";
        }
        return "yes".equals(ssl.get("ssl_verify_server_cert")) ? "VERIFY_IDENTITY" : "REQUIRED";
    }

    @Override
    public String toString() {
        return "ConnectSettings[hosts=" + hosts + ", port=" + port + ", dbname=" + database + ", user=" + user + "]";
    }
}
