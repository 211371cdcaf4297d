package org.loftmail.imap.impl.decode;

import org.loftmail.imap.impl.request.QresyncParameter;
import org.loftmail.imap.impl.request.SelectRequest;
import org.loftmail.imap.impl.request.SequenceSet;

/**
 * {@code select = "SELECT" SP mailbox [select-params]}, {@code select-param = "CONDSTORE" /
 * "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"}
 * (RFC 3501 6.3.1, RFC 7162 3.2.5 and 7); EXAMINE the same, read-only.
 */
final class SelectParser {

    private SelectParser() {
    }

    static SelectRequest select(String tag, ImapReader r, boolean readOnly) throws ParseException {
        r.sp();
        String mailbox = r.mailbox();
        boolean condstore = false;
        QresyncParameter qresync = null;
        if (r.accept(' ')) {
            r.expect('(');
            do {
                String name = r.keyword();
                switch (name) {
                    case "CONDSTORE" -> condstore = true;
                    case "QRESYNC" -> {
                        r.sp();
                        qresync = qresync(r);
                    }
                    default -> throw new ParseException("Unknown select parameter " + name);
                }
            } while (r.accept(' '));
            r.expect(')');
        }
        return new SelectRequest(tag, mailbox, readOnly, condstore, qresync);
    }

    private static QresyncParameter qresync(ImapReader r) throws ParseException {
        r.expect('(');
        long uidValidity = r.nzNumber();
        r.sp();
        long modSeq = r.number64();
        SequenceSet known = null;
        SequenceSet seqs = null;
        SequenceSet uids = null;
        if (r.accept(' ')) {
            if (r.peek() != '(') {
                known = SequenceSetParser.read(r);
            }
            if (known == null || r.accept(' ')) {
                r.expect('(');
                seqs = SequenceSetParser.read(r);
                r.sp();
                uids = SequenceSetParser.read(r);
                r.expect(')');
            }
        }
        r.expect(')');
        return new QresyncParameter(uidValidity, modSeq, known, seqs, uids);
    }
}
