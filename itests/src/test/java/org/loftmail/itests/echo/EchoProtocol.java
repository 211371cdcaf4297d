package org.loftmail.itests.echo;

import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;

/**
 * A tiny line protocol for tests: greets with {@code * OK NAME ready}, echoes each command,
 * accepts literals up to {@value #MAX_LITERAL} bytes, and knows STARTTLS, WHOAMI and QUIT.
 */
public final class EchoProtocol implements Protocol {

    static final int MAX_LINE = 1024;
    static final int MAX_LITERAL = 4096;

    private final String name;

    public EchoProtocol(String name) {
        this.name = name;
    }

    @Override
    public Framing framing() {
        return Framing.linesWithLiterals(MAX_LINE);
    }

    @Override
    public ProtocolSession open(Connection connection) {
        return new EchoSession(name, connection);
    }
}
