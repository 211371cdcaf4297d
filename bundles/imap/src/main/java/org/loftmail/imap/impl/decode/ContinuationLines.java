package org.loftmail.imap.impl.decode;

import java.util.Optional;
import org.loftmail.api.protocol.Command;

/**
 * Lines that are not commands but answers inside one: the {@code DONE} that ends IDLE
 * (RFC 2177) and the client's base64 lines during AUTHENTICATE (RFC 3501 6.2.2).
 */
public final class ContinuationLines {

    private ContinuationLines() {
    }

    /** Whether the line is {@code DONE} (in any case), the only input IDLE accepts. */
    public static boolean isIdleDone(Command command) {
        return !command.hasLiterals() && command.firstLine().equalsIgnoreCase("DONE");
    }

    /**
     * A SASL client response line: the decoded bytes, or empty when the client cancelled with
     * {@code *} (to be answered with BAD).
     */
    public static Optional<byte[]> saslResponse(Command command) throws ParseException {
        if (command.hasLiterals()) {
            throw new ParseException("Literal not allowed in a SASL response");
        }
        String line = command.firstLine();
        if (line.equals("*")) {
            return Optional.empty();
        }
        return Optional.of(line.isEmpty() ? new byte[0] : AuthParsers.base64(line));
    }
}
