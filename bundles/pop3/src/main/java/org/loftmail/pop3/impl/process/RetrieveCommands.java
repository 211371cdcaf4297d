package org.loftmail.pop3.impl.process;

import java.io.IOException;
import java.io.InputStream;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.pop3.impl.decode.ArgumentException;
import org.loftmail.pop3.impl.decode.Arguments;
import org.loftmail.pop3.impl.encode.MessageWriter;
import org.loftmail.pop3.impl.session.Pop3Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RETR (RFC 1939 section 5) and TOP (section 7). RETR marks the message to get {@code \Seen}
 * when the session ends (as Dovecot: at QUIT, or at a disconnect); TOP does not. A message
 * another session expunged answers {@code -ERR Message N expunged.} and the session goes on.
 */
final class RetrieveCommands {

    private static final Logger LOG = LoggerFactory.getLogger(RetrieveCommands.class);

    private RetrieveCommands() {
    }

    static boolean retr(Pop3Session s, String args) {
        MessageNumbers.Checked c = MessageNumbers.check(s, args, false);
        if (c == null) {
            return false;
        }
        long size = s.maildrop().entry(c.number()).size();
        long sent = send(s, c.number(), MessageWriter.ALL, "+OK " + size + " octets");
        if (sent < 0) {
            return true;
        }
        s.maildrop().retrieved(c.number());
        s.countRetr(sent);
        return true;
    }

    static boolean top(Pop3Session s, String args) {
        MessageNumbers.Checked c = MessageNumbers.check(s, args, true);
        if (c == null) {
            return false;
        }
        long lines;
        try {
            lines = Arguments.lineCount(c.rest());
        } catch (ArgumentException e) {
            s.out().err(e.getMessage());
            return false;
        }
        long sent = send(s, c.number(), lines, "+OK");
        if (sent >= 0) {
            s.countTop(sent);
        }
        return true;
    }

    /** Sends the status line and the message; returns the bytes sent, or -1 after an -ERR. */
    private static long send(Pop3Session s, int number, long bodyLines, String status) {
        MessageContent content;
        InputStream in;
        try {
            content = s.maildrop().content(number);
            in = content.open();
        } catch (StorageException e) {
            return failed(s, number, e);
        } catch (IOException e) {
            if (e.getCause() instanceof StorageException se) {
                return failed(s, number, se);
            }
            return failed(s, number, new StorageException(StorageError.TEMPORARY, "Couldn't read message", e));
        }
        s.out().line(status);
        try (in) {
            return s.messageWriter().write(in, s.out(), bodyLines);
        } catch (IOException e) {
            // the status line is out: the only honest way to stop a multi-line answer is to hang up
            LOG.error("user {}: reading message {} failed in the middle: {}", s.user(), number, e.toString());
            s.disconnect("Disconnected: Message read failed");
            return -1;
        }
    }

    private static long failed(Pop3Session s, int number, StorageException e) {
        if (e.error() == StorageError.EXPUNGED || e.error() == StorageError.NOT_FOUND) {
            s.out().err("Message " + number + " expunged.");
        } else {
            LOG.error("user {}: reading message {} failed: {}", s.user(), number, e.getMessage());
            s.out().err(StorageErrors.text(e));
        }
        return -1;
    }
}
