package org.loftmail.imap.impl.decode;

import java.util.Locale;
import org.loftmail.api.protocol.Command;
import org.loftmail.imap.impl.request.ImapRequest;

/**
 * Turns a framed command into its table entry and request: {@code command = tag SP
 * (command-any / command-auth / command-nonauth / command-select) CRLF} (RFC 3501 9). Every
 * syntax error comes out as a {@link ParseException} carrying the tag when it could be read and
 * a Dovecot-style reason ({@code Error in IMAP command FETCH: Invalid sequence set}).
 */
public final class CommandDecoder {

    private final CommandTable table;

    public CommandDecoder(CommandTable table) {
        this.table = table;
    }

    /** The result: the table row (for state checks) and the request. */
    public record Decoded(CommandEntry entry, ImapRequest request) {
    }

    public Decoded decode(Command command) throws ParseException {
        ImapReader r = new ImapReader(command);
        if (r.atEnd()) {
            throw new ParseException("Empty command line");
        }
        String tag;
        try {
            tag = r.tag();
        } catch (ParseException e) {
            throw new ParseException(null, "Invalid tag", e);
        }
        if (!r.accept(' ') || r.atEnd()) {
            throw new ParseException(tag, "Missing command", null);
        }
        String name = commandName(r, tag);
        CommandEntry entry = table.find(name)
                .orElseThrow(() -> new ParseException(tag, "Unknown command " + name, null));
        try {
            ImapRequest request = entry.parser().parse(tag, r);
            r.end();
            return new Decoded(entry, request);
        } catch (ParseException e) {
            throw new ParseException(tag, "Error in IMAP command " + name + ": " + e.getMessage(), e);
        }
    }

    private static String commandName(ImapReader r, String tag) throws ParseException {
        try {
            String name = r.atom().toUpperCase(Locale.ROOT);
            if (name.equals("UID")) {
                r.sp();
                name = name + " " + r.atom().toUpperCase(Locale.ROOT);
            }
            return name;
        } catch (ParseException e) {
            throw new ParseException(tag, "Invalid command name", e);
        }
    }
}
