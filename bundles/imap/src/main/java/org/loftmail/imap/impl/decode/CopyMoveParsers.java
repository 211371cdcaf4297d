package org.loftmail.imap.impl.decode;

import org.loftmail.imap.impl.request.CopyRequest;
import org.loftmail.imap.impl.request.MoveRequest;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.UidExpungeRequest;

/**
 * Commands over a message set: {@code copy = "COPY" SP sequence-set SP mailbox} (RFC 3501
 * 6.4.7), {@code move = "MOVE" SP sequence-set SP mailbox} (RFC 6851) and {@code uid-expunge =
 * "UID" SP "EXPUNGE" SP sequence-set} (RFC 4315).
 */
final class CopyMoveParsers {

    private CopyMoveParsers() {
    }

    static CopyRequest copy(String tag, ImapReader r, boolean uid) throws ParseException {
        SequenceSet set = set(r);
        r.sp();
        return new CopyRequest(tag, uid, set, r.mailbox());
    }

    static MoveRequest move(String tag, ImapReader r, boolean uid) throws ParseException {
        SequenceSet set = set(r);
        r.sp();
        return new MoveRequest(tag, uid, set, r.mailbox());
    }

    static UidExpungeRequest uidExpunge(String tag, ImapReader r) throws ParseException {
        return new UidExpungeRequest(tag, set(r));
    }

    private static SequenceSet set(ImapReader r) throws ParseException {
        r.sp();
        return SequenceSetParser.read(r);
    }
}
