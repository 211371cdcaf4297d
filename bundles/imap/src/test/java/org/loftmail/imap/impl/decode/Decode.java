package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.loftmail.imap.impl.request.ImapRequest;

/** Decodes client input with the standard table, for table-driven tests. */
final class Decode {

    private static final CommandDecoder DECODER = new CommandDecoder(CommandTable.standard());

    private Decode() {
    }

    static ImapRequest request(String wire) throws ParseException {
        return DECODER.decode(ClientInput.command(wire)).request();
    }

    /** The response line a malformed command gets. */
    static String badLine(String wire) {
        return assertThrows(ParseException.class, () -> DECODER.decode(ClientInput.command(wire))).responseLine();
    }
}
