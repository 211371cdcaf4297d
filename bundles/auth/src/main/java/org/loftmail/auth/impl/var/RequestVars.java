package org.loftmail.auth.impl.var;

import java.net.InetAddress;
import java.util.Map;
import org.loftmail.api.auth.ClientInfo;

/** The variables of one auth request: the user name, its parts and the connection facts. */
public final class RequestVars {

    private RequestVars() {
    }

    /**
     * An expander for {@code user} on {@code client}; {@code fields} (may be empty) adds more
     * names, e.g. {@code home} from a userdb, and wins over the built-in names.
     */
    public static VarExpander of(String user, ClientInfo client, Map<String, String> fields) {
        int at = user.lastIndexOf('@');
        String username = at < 0 ? user : user.substring(0, at);
        String domain = at < 0 ? "" : user.substring(at + 1);
        return new VarExpander(name -> {
            String f = fields.get(name);
            if (f != null) {
                return f;
            }
            return switch (name) {
                case "user" -> user;
                case "username" -> username;
                case "domain" -> domain;
                case "service" -> client.service();
                case "rip" -> ip(client.remoteIp());
                case "lip" -> ip(client.localIp());
                case "secured" -> client.secure() ? "secured" : "";
                case "session" -> client.sessionId();
                case "pid" -> Long.toString(ProcessHandle.current().pid());
                default -> null;
            };
        });
    }

    private static String ip(InetAddress a) {
        return a == null ? "" : a.getHostAddress();
    }
}
