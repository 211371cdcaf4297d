package org.loftmail.admin.impl;

import java.util.Map;
import org.loftmail.api.admin.AdminCommand;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code doveadm} protocol, served where Dovecot has its {@code doveadm-server} socket
 * ({@code service doveadm { unix_listener doveadm-server { } }}, built in): runs the
 * {@link AdminCommand} services other bundles register, for the {@code loftadm} tool.
 */
@Component(service = Protocol.class, property = Protocol.PROTOCOL + "=doveadm")
public final class AdminProtocol implements Protocol {

    private static final int MAX_LINE = 64 * 1024;

    private final AdminCommands commands = new AdminCommands();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + AdminCommand.NAME + "=*)")
    void addCommand(AdminCommand command, Map<String, Object> props) {
        commands.add(String.valueOf(props.get(AdminCommand.NAME)), command);
    }

    void removeCommand(AdminCommand command, Map<String, Object> props) {
        commands.remove(String.valueOf(props.get(AdminCommand.NAME)), command);
    }

    @Override
    public Framing framing() {
        return Framing.lines(MAX_LINE);
    }

    @Override
    public ProtocolSession open(Connection connection) {
        return new AdminSession(connection, commands);
    }
}
