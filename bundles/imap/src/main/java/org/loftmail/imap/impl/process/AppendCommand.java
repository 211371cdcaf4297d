package org.loftmail.imap.impl.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.storage.AppendResult;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MessageSource;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.AppendMessage;
import org.loftmail.imap.impl.request.AppendRequest;
import org.loftmail.imap.impl.session.FlagNames;
import org.loftmail.imap.impl.session.ImapSession;

/** APPEND (RFC 3501 6.3.11) with MULTIAPPEND (RFC 3502) and APPENDUID (RFC 4315): all or nothing. */
final class AppendCommand {

    private AppendCommand() {
    }

    static StatusResponse append(ImapSession s, AppendRequest r) throws StorageException {
        String name = MailboxCommands.name(s, r.mailbox());
        List<org.loftmail.api.storage.AppendRequest> messages = new ArrayList<>();
        for (AppendMessage m : r.messages()) {
            if (m.message().size() == 0) {
                return StatusResponse.no(r.tag(), null, "Can't save a zero byte message.");
            }
            Flags flags;
            try {
                flags = FlagNames.parse(m.flags());
            } catch (IllegalArgumentException e) {
                return StatusResponse.bad(r.tag(), "Error in IMAP command APPEND: " + e.getMessage());
            }
            messages.add(new org.loftmail.api.storage.AppendRequest(source(m.message()), flags,
                    m.date() == null ? null : m.date().toInstant()));
        }
        AppendResult done;
        try {
            done = s.mailboxes().append(name, messages);
        } catch (StorageException e) {
            if (e.error() == StorageError.NOT_FOUND) {
                return StatusResponse.no(r.tag(), ResponseCode.TRYCREATE, "Mailbox doesn't exist: " + r.mailbox());
            }
            throw e;
        }
        return StatusResponse.ok(r.tag(), ResponseCode.appendUid(done.uidValidity(),
                done.uids().stream().mapToLong(Long::longValue).toArray()), "Append completed.");
    }

    private static MessageSource source(Literal literal) {
        return new MessageSource() {
            @Override
            public InputStream open() throws IOException {
                return literal.open();
            }

            @Override
            public long size() {
                return literal.size();
            }
        };
    }
}
