package org.loftmail.imap.impl.decode;

import java.nio.charset.StandardCharsets;
import org.loftmail.api.protocol.Command;

/**
 * Checks the start of an APPEND up to its first message literal ({@code tag APPEND mailbox
 * [flags] [date-time] }) before the literal's bytes are asked for, so a bad date or a missing
 * mailbox is answered at once (RFC 3501 7.5 lets the server answer instead of sending {@code +}).
 */
public final class AppendPrefix {

    private AppendPrefix() {
    }

    /**
     * Checks what comes between two message literals of a MULTIAPPEND: {@code SP [flag-list SP]
     * [date-time SP]} (RFC 3502).
     *
     * @throws ParseException with the response to send when it is malformed
     */
    public static void next(String tag, String between) throws ParseException {
        ImapReader r = new ImapReader(Command.ofLine(between.getBytes(StandardCharsets.UTF_8)));
        try {
            r.sp();
            if (r.peek() == '(') {
                FlagParser.flagList(r);
                r.sp();
            }
            if (r.peek() == '"') {
                DateParser.dateTime(r);
                r.sp();
            }
            r.end();
        } catch (ParseException e) {
            throw new ParseException(tag, "Error in IMAP command APPEND: " + e.getMessage(), e);
        }
    }

    /**
     * @param line the command line up to (not including) the literal marker
     * @return the mailbox argument as sent, or null when the line is not an APPEND
     * @throws ParseException when the part before the literal is malformed
     */
    public static String mailbox(String line) throws ParseException {
        ImapReader r = new ImapReader(Command.ofLine(line.getBytes(StandardCharsets.UTF_8)));
        String tag = r.tag();
        r.sp();
        if (!r.atom().equalsIgnoreCase("APPEND")) {
            return null;
        }
        try {
            r.sp();
            String mailbox = r.mailbox();
            r.sp();
            if (r.peek() == '(') {
                FlagParser.flagList(r);
                r.sp();
            }
            if (r.peek() == '"') {
                DateParser.dateTime(r);
                r.sp();
            }
            r.end();
            return mailbox;
        } catch (ParseException e) {
            throw new ParseException(tag, "Error in IMAP command APPEND: " + e.getMessage(), e);
        }
    }
}
