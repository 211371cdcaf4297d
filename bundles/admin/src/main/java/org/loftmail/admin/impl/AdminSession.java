package org.loftmail.admin.impl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loftmail.api.admin.AdminException;
import org.loftmail.api.admin.AdminReply;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.ProtocolSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One loftadm connection: each request line runs one command and gets its table and status. */
final class AdminSession implements ProtocolSession {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSession.class);
    /** A command such as a quota recalculation of a large mailbox may take a while. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Connection connection;
    private final AdminCommands commands;

    AdminSession(Connection connection, AdminCommands commands) {
        this.connection = connection;
        this.commands = commands;
    }

    @Override
    public void started() {
        connection.setIdleTimeout(TIMEOUT);
    }

    @Override
    public void commandReceived(Command command) {
        List<String> words = new ArrayList<>(AdminWire.fields(command.firstLine()));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            fail(AdminException.Kind.USAGE, "no command given");
            return;
        }
        if (words.equals(List.of("help"))) {
            help();
            return;
        }
        var match = commands.find(words);
        if (match.isEmpty()) {
            fail(AdminException.Kind.USAGE, "unknown command: " + String.join(" ", words)
                    + " (loftadm help lists the commands)");
            return;
        }
        run(match.get());
    }

    private void run(AdminCommands.Match m) {
        long start = System.nanoTime();
        try {
            AdminReply reply = m.command().run(m.args());
            write(reply);
            send(AdminWire.OK);
            LOG.info("loftadm {} {}: done in {} ms", m.name(), String.join(" ", m.args()),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (AdminException e) {
            LOG.info("loftadm {} {}: {} ({})", m.name(), String.join(" ", m.args()), e.getMessage(), e.kind());
            fail(e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("loftadm {} {} failed: {}", m.name(), String.join(" ", m.args()), e.toString(), e);
            fail(AdminException.Kind.FAILED, "internal error: " + e);
        }
    }

    private void help() {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : commands.usages().entrySet()) {
            rows.add(List.of(e.getKey(), e.getValue()));
        }
        write(new AdminReply(List.of("command", "arguments"), rows));
        send(AdminWire.OK);
    }

    private void write(AdminReply reply) {
        if (!reply.header().isEmpty()) {
            send(AdminWire.line(AdminWire.HEADER, reply.header()));
        }
        for (List<String> row : reply.rows()) {
            send(AdminWire.line(AdminWire.ROW, row));
        }
    }

    private void fail(AdminException.Kind kind, String message) {
        send(AdminWire.line(AdminWire.FAILED, List.of(Integer.toString(kind.exitCode()), message)));
    }

    private void send(String line) {
        connection.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void inputRejected(InputError error) {
        fail(AdminException.Kind.USAGE, "request refused: " + error);
    }

    @Override
    public void closed() {
    }
}
