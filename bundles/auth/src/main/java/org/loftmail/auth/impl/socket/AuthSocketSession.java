package org.loftmail.auth.impl.socket;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.ProtocolSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the auth socket. The server greets with {@code VERSION}, {@code MECH} lines,
 * {@code SPID}, {@code CUID}, {@code COOKIE} and {@code DONE}; the client sends {@code VERSION}
 * and {@code CPID}, then {@code AUTH} requests, each answered with {@code CONT} (a challenge),
 * {@code OK} or {@code FAIL}. Fields are separated by TAB.
 */
final class AuthSocketSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(AuthSocketSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthService auth;
    private final Connection connection;
    private final long clientUid;
    private final Map<String, SaslExchange> pending = new HashMap<>();
    private boolean versionSeen;

    AuthSocketSession(AuthService auth, Connection connection, long clientUid) {
        this.auth = auth;
        this.connection = connection;
        this.clientUid = clientUid;
    }

    @Override
    public void started() {
        StringBuilder greeting = new StringBuilder("VERSION\t1\t2\n");
        ClientInfo any = new ClientInfo("", null, null, true, true, connection.id());
        for (String mechanism : auth.mechanisms(any)) {
            greeting.append("MECH\t").append(mechanism).append(MechanismFlags.of(mechanism)).append('\n');
        }
        byte[] cookie = new byte[16];
        RANDOM.nextBytes(cookie);
        greeting.append("SPID\t").append(ProcessHandle.current().pid()).append('\n')
                .append("CUID\t").append(clientUid).append('\n')
                .append("COOKIE\t").append(HexFormat.of().formatHex(cookie)).append('\n')
                .append("DONE\n");
        connection.write(greeting.toString());
    }

    @Override
    public void commandReceived(Command command) {
        String[] fields = command.firstLine().split("\t", -1);
        switch (fields[0]) {
            case "VERSION" -> version(fields);
            case "CPID" -> {
                // the client's process id: only for Dovecot's master-login handshake
            }
            case "AUTH" -> startRequest(fields);
            case "CONT" -> continueRequest(fields);
            default -> protocolError("unknown command " + fields[0]);
        }
    }

    private void version(String[] fields) {
        if (fields.length < 2 || !fields[1].equals("1")) {
            protocolError("unsupported protocol version " + (fields.length > 1 ? fields[1] : "(none)"));
            return;
        }
        versionSeen = true;
    }

    private void startRequest(String[] fields) {
        if (!versionSeen) {
            protocolError("AUTH before VERSION");
            return;
        }
        AuthRequestLine request;
        try {
            request = AuthRequestLine.parse(fields, connection.id());
        } catch (IllegalArgumentException e) {
            String id = fields.length > 1 ? fields[1] : "0";
            connection.write("FAIL\t" + id + "\treason=" + e.getMessage() + "\n");
            return;
        }
        SaslExchange exchange = auth.startSasl(request.mechanism(), request.client());
        pending.put(request.id(), exchange);
        step(request.id(), exchange.respond(request.initialResponse()));
    }

    private void continueRequest(String[] fields) {
        SaslExchange exchange = fields.length == 3 ? pending.get(fields[1]) : null;
        if (exchange == null) {
            protocolError("CONT for an unknown request");
            return;
        }
        step(fields[1], exchange.respond(fields[2]));
    }

    private void step(String id, SaslStep step) {
        switch (step) {
            case SaslStep.Challenge challenge -> connection.write("CONT\t" + id + "\t" + challenge.base64() + "\n");
            case SaslStep.Done done -> {
                pending.remove(id);
                connection.write(answer(id, done.result()));
            }
        }
    }

    private static String answer(String id, AuthResult result) {
        return switch (result) {
            case AuthResult.Success success -> "OK\t" + id + "\tuser=" + success.user() + "\n";
            case AuthResult.Failure failure -> "FAIL\t" + id
                    + (failure.kind() == AuthResult.FailureKind.TEMPORARY ? "\ttemp" : "")
                    + "\treason=" + failure.message().replace('\t', ' ').replace('\n', ' ') + "\n";
        };
    }

    private void protocolError(String what) {
        LOG.warn("auth client sent a bad line ({}); disconnecting", what.toLowerCase(Locale.ROOT));
        connection.close();
    }

    @Override
    public void inputRejected(InputError error) {
        protocolError("a line over " + AuthSocketProtocol.MAX_LINE + " bytes");
    }

    @Override
    public void closed() {
        pending.clear();
    }
}
