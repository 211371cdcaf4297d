/**
 * Decoding: the tokenizer ({@link org.loftmail.imap.impl.decode.ImapReader}) over framed
 * commands, one small parser per command family, and the
 * {@link org.loftmail.imap.impl.decode.CommandTable} that names every command with its parser,
 * allowed states and sequence-number rules. Syntax errors are
 * {@link org.loftmail.imap.impl.decode.ParseException}s that carry their BAD response. Nothing
 * here touches storage, auth or the connection.
 */
package org.loftmail.imap.impl.decode;
