package org.loftmail.imap.impl.decode;

import java.util.Set;

/**
 * One row of the {@link CommandTable}.
 *
 * @param name            the command name as the client writes it, upper case ({@code UID FETCH})
 * @param parser          reads the arguments
 * @param states          where the command is allowed
 * @param usesSequences   the command works on sequence numbers: no pending EXPUNGE may be sent
 *                        while it runs (RFC 3501 7.4.1; Dovecot's COMMAND_FLAG_USES_SEQS)
 * @param mayExpunge      the command may send EXPUNGE or VANISHED responses (its own or pending
 *                        ones; Dovecot's COMMAND_FLAG_BREAKS_SEQS)
 */
public record CommandEntry(String name, CommandParser parser, Set<SessionState> states,
                           boolean usesSequences, boolean mayExpunge) {

    public CommandEntry {
        states = Set.copyOf(states);
    }

    public boolean allowedIn(SessionState state) {
        return states.contains(state);
    }
}
