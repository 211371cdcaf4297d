package org.loftmail.imap.impl.process;

import org.loftmail.api.storage.CopyResult;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.session.ImapSession;

/** COPY (RFC 3501 6.4.7), MOVE (RFC 6851), with COPYUID (RFC 4315). */
final class CopyMoveCommands {

    private CopyMoveCommands() {
    }

    static StatusResponse copy(ImapSession s, String tag, SequenceSet seqs, String mailbox, boolean move)
            throws StorageException {
        String command = (s.uidCommand() ? "UID " : "") + (move ? "MOVE" : "COPY");
        UidSet set;
        try {
            set = Sequences.resolve(s, seqs, s.uidCommand());
        } catch (Sequences.InvalidSetException e) {
            return StatusResponse.bad(tag, "Error in IMAP command " + command + ": " + e.getMessage());
        }
        if (move && s.selected().readOnly()) {
            return StatusResponse.no(tag, ResponseCode.CANNOT, "Mailbox is read-only.");
        }
        String target = MailboxCommands.name(s, mailbox);
        CopyResult result;
        try {
            result = move ? s.selected().view().move(set, target) : s.selected().view().copy(set, target);
        } catch (StorageException e) {
            if (e.error() == StorageError.NOT_FOUND) {
                return StatusResponse.no(tag, ResponseCode.TRYCREATE, "Mailbox doesn't exist: " + mailbox);
            }
            throw e;
        }
        String text = move ? "Move completed." : "Copy completed.";
        if (result.sourceUids().isEmpty()) {
            return StatusResponse.ok(tag, "No messages found.");
        }
        ResponseCode code = ResponseCode.copyUid(result.uidValidity(),
                result.sourceUids().stream().mapToLong(Long::longValue).toArray(),
                result.targetUids().stream().mapToLong(Long::longValue).toArray());
        if (move) {
            // RFC 6851 4.3: COPYUID goes in an untagged OK before the expunges
            s.out().status(new StatusResponse(null, StatusResponse.Condition.OK, code, text));
            return StatusResponse.ok(tag, text);
        }
        return StatusResponse.ok(tag, code, text);
    }
}
