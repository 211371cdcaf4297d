package org.loftmail.pop3.impl.process;

import org.loftmail.pop3.impl.decode.ArgumentException;
import org.loftmail.pop3.impl.decode.Arguments;
import org.loftmail.pop3.impl.session.Maildrop;
import org.loftmail.pop3.impl.session.Pop3Session;

/** Checks a message-number argument against the maildrop (RFC 1939 section 5), with Dovecot's texts. */
final class MessageNumbers {

    /** A valid, undeleted message number and the arguments after it. */
    record Checked(int number, String rest) {
    }

    private MessageNumbers() {
    }

    /** Answers {@code -ERR} and returns null when the argument is not such a message. */
    static Checked check(Pop3Session s, String args, boolean thenSpace) {
        Arguments.Number n;
        try {
            n = Arguments.messageNumber(args, thenSpace);
        } catch (ArgumentException e) {
            s.out().err(e.getMessage());
            return null;
        }
        Maildrop m = s.maildrop();
        if (n.value() < 1 || n.value() > m.count()) {
            s.out().err("There's no message " + n.value() + ".");
            return null;
        }
        int number = (int) n.value();
        if (m.isDeleted(number)) {
            s.out().err("Message is deleted.");
            return null;
        }
        return new Checked(number, n.rest());
    }
}
