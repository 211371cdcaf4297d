package org.loftmail.auth.impl.socket;

import java.util.Map;
import java.util.TreeMap;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.ProtocolSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dovecot's auth master protocol on the {@code auth-userdb} (and {@code auth-master}) socket:
 * user lookups for delivery agents and {@code loftadm user}. The server sends
 * {@code VERSION 1 0} and {@code SPID}; each {@code USER <id> <user> [service=S] ...} is answered
 * {@code USER <id> <user> key=value...}, {@code NOTFOUND <id>} or {@code FAIL <id> reason=...}.
 */
final class AuthMasterSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(AuthMasterSession.class);

    private final AuthService auth;
    private final Connection connection;

    AuthMasterSession(AuthService auth, Connection connection) {
        this.auth = auth;
        this.connection = connection;
    }

    /** Dovecot names the master sockets this way; every other auth socket is a client socket. */
    static boolean isMasterSocket(String listenerName) {
        String name = listenerName.substring(listenerName.lastIndexOf('/') + 1);
        return name.equals("auth-userdb") || name.equals("auth-master");
    }

    @Override
    public void started() {
        connection.write("VERSION\t1\t0\nSPID\t" + ProcessHandle.current().pid() + "\n");
    }

    @Override
    public void commandReceived(Command command) {
        String[] fields = command.firstLine().split("\t", -1);
        switch (fields[0]) {
            case "VERSION" -> {
                if (fields.length < 2 || !fields[1].equals("1")) {
                    disconnect("unsupported protocol version");
                }
            }
            case "USER" -> user(fields);
            default -> disconnect("unknown command " + fields[0]);
        }
    }

    private void user(String[] fields) {
        if (fields.length < 3 || fields[2].isEmpty()) {
            disconnect("USER needs an id and a user name");
            return;
        }
        String id = fields[1];
        String service = "";
        for (int i = 3; i < fields.length; i++) {
            if (fields[i].startsWith("service=")) {
                service = fields[i].substring("service=".length());
            }
        }
        ClientInfo client = new ClientInfo(service, null, null, true, true, connection.id());
        connection.write(switch (auth.lookupUser(fields[2], client)) {
            case UserLookup.Found found -> "USER\t" + id + "\t" + found.user() + fieldsOf(found.fields()) + "\n";
            case UserLookup.NotFound notFound -> "NOTFOUND\t" + id + "\n";
            case UserLookup.Temporary temporary -> "FAIL\t" + id + "\treason=" + clean(temporary.reason()) + "\n";
        });
    }

    private static String fieldsOf(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> out.append('\t').append(k).append('=').append(clean(v)));
        return out.toString();
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }

    private void disconnect(String why) {
        LOG.warn("auth master client sent a bad line ({}); disconnecting", why);
        connection.close();
    }

    @Override
    public void inputRejected(InputError error) {
        disconnect("a line over " + AuthSocketProtocol.MAX_LINE + " bytes");
    }

    @Override
    public void closed() {
        // nothing held
    }
}
