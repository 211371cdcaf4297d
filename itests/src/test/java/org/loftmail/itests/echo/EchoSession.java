package org.loftmail.itests.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.protocol.LiteralAnnouncement;
import org.loftmail.api.protocol.ProtocolSession;

/** One echo connection. */
final class EchoSession implements ProtocolSession {

    private final String name;
    private final Connection connection;

    EchoSession(String name, Connection connection) {
        this.name = name;
        this.connection = connection;
    }

    @Override
    public void started() {
        connection.write("* OK " + name + " ready\r\n");
    }

    @Override
    public void commandReceived(Command command) {
        String first = command.firstLine();
        switch (first) {
            case "STARTTLS" -> {
                if (connection.tlsAvailable()) {
                    connection.write("OK begin TLS\r\n");
                    connection.startTls();
                } else {
                    connection.write("NO TLS is not available\r\n");
                }
            }
            case "WHOAMI" -> connection.write("OK remote=" + connection.remoteAddress()
                    + " secure=" + connection.secure() + " listener=" + connection.listenerName() + "\r\n");
            case "QUIT" -> {
                connection.write("OK bye\r\n");
                connection.close();
            }
            default -> connection.write("ECHO " + render(command) + "\r\n");
        }
    }

    private static String render(Command command) {
        StringBuilder out = new StringBuilder();
        for (Command.Part part : command.parts()) {
            if (part instanceof Command.Text text) {
                out.append(text.asString());
            } else if (part instanceof Literal literal) {
                try {
                    out.append('[').append(new String(literal.bytes(), StandardCharsets.UTF_8)).append(']');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean literalAnnounced(LiteralAnnouncement announcement) {
        if (announcement.size() > EchoProtocol.MAX_LITERAL) {
            return false;
        }
        if (announcement.synchronizing()) {
            connection.write("+ go ahead\r\n");
        }
        return true;
    }

    @Override
    public void inputRejected(InputError error) {
        connection.write(switch (error) {
            case LINE_TOO_LONG -> "BAD line too long\r\n";
            case LITERAL_REFUSED -> "BAD literal too big\r\n";
        });
    }

    @Override
    public void closed() {
        // nothing held
    }
}
