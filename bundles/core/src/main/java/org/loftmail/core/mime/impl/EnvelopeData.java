package org.loftmail.core.mime.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ENVELOPE fields of one message header. As in Dovecot, the last Date, Subject, In-Reply-To and
 * Message-ID win, repeated address headers are joined, and Sender and Reply-To fall back to From.
 */
final class EnvelopeData {
    private String date;
    private String subject;
    private List<Address> from;
    private List<Address> sender;
    private List<Address> replyTo;
    private List<Address> to;
    private List<Address> cc;
    private List<Address> bcc;
    private String inReplyTo;
    private String messageId;

    /** Takes one header field; {@code value} is the unfolded-as-is Latin-1 field body. */
    void accept(String name, String value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "date" -> date = value;
            case "subject" -> subject = value;
            case "message-id" -> messageId = value;
            case "in-reply-to" -> inReplyTo = value;
            case "from" -> from = append(from, AddressParser.parse(value));
            case "sender" -> sender = append(sender, AddressParser.parse(value));
            case "reply-to" -> replyTo = append(replyTo, AddressParser.parse(value));
            case "to" -> to = append(to, AddressParser.parse(value));
            case "cc" -> cc = append(cc, AddressParser.parse(value));
            case "bcc" -> bcc = append(bcc, AddressParser.parse(value));
            default -> { }
        }
    }

    /** Repeated address headers add up, as in Dovecot 2.3. */
    private static List<Address> append(List<Address> old, List<Address> more) {
        if (old == null || more == null) {
            return old == null ? more : old;
        }
        List<Address> all = new ArrayList<>(old);
        all.addAll(more);
        return all;
    }

    void write(StringBuilder out) {
        ImapQuote.nstringNoLf(out, date);
        out.append(' ');
        if (subject == null) {
            out.append("NIL");
        } else {
            ImapQuote.forHumans(out, subject);
        }
        out.append(' ');
        writeAddresses(out, from);
        out.append(' ');
        writeAddresses(out, sender != null ? sender : from);
        out.append(' ');
        writeAddresses(out, replyTo != null ? replyTo : from);
        out.append(' ');
        writeAddresses(out, to);
        out.append(' ');
        writeAddresses(out, cc);
        out.append(' ');
        writeAddresses(out, bcc);
        out.append(' ');
        ImapQuote.nstringNoLf(out, inReplyTo);
        out.append(' ');
        ImapQuote.nstringNoLf(out, messageId);
    }

    private static void writeAddresses(StringBuilder out, List<Address> list) {
        if (list == null) {
            out.append("NIL");
            return;
        }
        out.append('(');
        for (Address a : list) {
            out.append('(');
            if (a.name() == null) {
                out.append("NIL");
            } else {
                ImapQuote.forHumans(out, a.name());
            }
            out.append(' ');
            ImapQuote.nstring(out, a.route());
            out.append(' ');
            ImapQuote.nstring(out, a.mailbox());
            out.append(' ');
            ImapQuote.nstring(out, a.domain());
            out.append(')');
        }
        out.append(')');
    }
}
