package org.loftmail.imap.impl.decode;

import org.loftmail.imap.impl.request.ImapRequest;

/**
 * Parses the arguments of one command. The reader stands right after the command name (the
 * {@code SP} before the first argument is the parser's to read); the caller checks that nothing
 * is left afterwards.
 */
@FunctionalInterface
public interface CommandParser {

    ImapRequest parse(String tag, ImapReader reader) throws ParseException;
}
