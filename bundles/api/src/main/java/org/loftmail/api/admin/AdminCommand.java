package org.loftmail.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code loftadm} command, registered as a service with its words in {@link #NAME}
 * ({@code quota get}). Runs in the server, on the admin session's thread; may block.
 */
@ConsumerType
public interface AdminCommand {

    /** Service property: the command's words, separated by single spaces ({@code quota recalc}). */
    String NAME = "loft.admin.command";

    /** The arguments after the command's words, for the usage line ({@code [-u] USER}). */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the words after the command's name, as the operator typed them
     * @return what to print: a table, possibly empty
     * @throws AdminException with the exit code and message {@code loftadm} shows
     */
    AdminReply run(List<String> args) throws AdminException;
}
