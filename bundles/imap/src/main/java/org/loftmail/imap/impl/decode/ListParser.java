package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.loftmail.imap.impl.request.ListRequest;
import org.loftmail.imap.impl.request.ListReturn;
import org.loftmail.imap.impl.request.ListSelection;
import org.loftmail.imap.impl.request.LsubRequest;
import org.loftmail.imap.impl.request.StatusItem;

/**
 * {@code list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]}
 * (RFC 5258 6 extending RFC 3501 6.3.8; RETURN STATUS RFC 5819; SPECIAL-USE RFC 6154) and
 * {@code lsub = "LSUB" SP mailbox SP list-mailbox}.
 */
final class ListParser {

    private ListParser() {
    }

    static LsubRequest lsub(String tag, ImapReader r) throws ParseException {
        r.sp();
        String reference = r.astring();
        r.sp();
        return new LsubRequest(tag, reference, r.listMailbox());
    }

    static ListRequest list(String tag, ImapReader r) throws ParseException {
        r.sp();
        Set<ListSelection> selection = EnumSet.noneOf(ListSelection.class);
        if (r.peek() == '(') {
            selection = selection(r);
            r.sp();
        }
        String reference = r.astring();
        r.sp();
        List<String> patterns = new ArrayList<>();
        if (r.accept('(')) {
            do {
                patterns.add(r.listMailbox());
            } while (r.accept(' '));
            r.expect(')');
        } else {
            patterns.add(r.listMailbox());
        }
        Set<ListReturn> returns = EnumSet.noneOf(ListReturn.class);
        List<StatusItem> status = new ArrayList<>();
        if (r.accept(' ')) {
            if (!r.keyword().equals("RETURN")) {
                throw new ParseException("Expected RETURN");
            }
            r.sp();
            returnOptions(r, returns, status);
        }
        return new ListRequest(tag, reference, patterns, selection, returns, status);
    }

    private static Set<ListSelection> selection(ImapReader r) throws ParseException {
        Set<ListSelection> options = EnumSet.noneOf(ListSelection.class);
        r.expect('(');
        if (!r.accept(')')) {
            do {
                String name = r.keyword();
                switch (name) {
                    case "SUBSCRIBED" -> options.add(ListSelection.SUBSCRIBED);
                    case "REMOTE" -> options.add(ListSelection.REMOTE);
                    case "RECURSIVEMATCH" -> options.add(ListSelection.RECURSIVEMATCH);
                    case "SPECIAL-USE" -> options.add(ListSelection.SPECIAL_USE);
                    default -> throw new ParseException("Unknown LIST selection option " + name);
                }
            } while (r.accept(' '));
            r.expect(')');
        }
        // RFC 5258 3.1: RECURSIVEMATCH needs a base option
        if (options.contains(ListSelection.RECURSIVEMATCH) && !options.contains(ListSelection.SUBSCRIBED)
                && !options.contains(ListSelection.SPECIAL_USE)) {
            throw new ParseException("RECURSIVEMATCH needs another selection option");
        }
        return options;
    }

    private static void returnOptions(ImapReader r, Set<ListReturn> returns, List<StatusItem> status)
            throws ParseException {
        r.expect('(');
        if (r.accept(')')) {
            return;
        }
        do {
            String name = r.keyword();
            switch (name) {
                case "SUBSCRIBED" -> returns.add(ListReturn.SUBSCRIBED);
                case "CHILDREN" -> returns.add(ListReturn.CHILDREN);
                case "SPECIAL-USE" -> returns.add(ListReturn.SPECIAL_USE);
                case "STATUS" -> {
                    r.sp();
                    status.addAll(StatusParser.items(r));
                }
                default -> throw new ParseException("Unknown LIST return option " + name);
            }
        } while (r.accept(' '));
        r.expect(')');
    }
}
