package org.loftmail.imap.impl.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.encode.ListEntry;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.ListRequest;
import org.loftmail.imap.impl.request.ListReturn;
import org.loftmail.imap.impl.request.ListSelection;
import org.loftmail.imap.impl.request.LsubRequest;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.WireNames;
import org.loftmail.core.imap.ModifiedUtf7;

/** LIST and LSUB (RFC 3501 6.3.8-9), LIST-EXTENDED (RFC 5258), CHILDREN (RFC 3348), LIST-STATUS (RFC 5819). */
final class ListCommands {

    private ListCommands() {
    }

    static StatusResponse list(ImapSession s, ListRequest r) throws StorageException {
        char sep = MailboxCommands.separator(s);
        String reference = decode(r.reference());
        boolean subscribedOnly = r.selection().contains(ListSelection.SUBSCRIBED);
        boolean extended = r.extended();
        boolean showSubscribed = subscribedOnly || r.returns().contains(ListReturn.SUBSCRIBED);
        for (String p : r.patterns()) {
            if (p.isEmpty() && !extended) {
                // RFC 3501 6.3.8: the hierarchy delimiter and the root of the reference
                String root = reference.isEmpty() || reference.indexOf(sep) < 0 ? ""
                        : reference.substring(0, reference.indexOf(sep) + 1);
                s.out().list("LIST", new ListEntry(List.of("\\Noselect"), sep, WireNames.toWire(root)));
                continue;
            }
            List<MailboxInfo> found = s.mailboxes().list(reference, decode(p), subscribedOnly);
            List<MailboxInfo> subscribed = showSubscribed && !subscribedOnly
                    ? s.mailboxes().list(reference, decode(p), true) : List.of();
            boolean children = !extended || r.returns().contains(ListReturn.CHILDREN);
            boolean specialOnly = r.selection().contains(ListSelection.SPECIAL_USE);
            Set<String> listed = new HashSet<>();
            for (MailboxInfo m : found) {
                if (specialOnly && m.attributes().stream().noneMatch(MailboxAttribute::isSpecialUse)
                        || subscribedOnly && !m.has(MailboxAttribute.SUBSCRIBED)) {
                    continue; // (a parent listed only for its subscribed children: RECURSIVEMATCH's business)
                }
                listed.add(m.name());
                boolean isSubscribed = subscribedOnly || subscribed.stream().anyMatch(x -> x.name().equals(m.name()));
                s.out().list("LIST", new ListEntry(attributes(m, extended, isSubscribed && showSubscribed, children),
                        sep, WireNames.toWire(m.name())));
                if (!r.statusItems().isEmpty() && !m.has(MailboxAttribute.NOSELECT)
                        && !m.has(MailboxAttribute.NONEXISTENT)) {
                    MailboxCommands.writeStatus(s, m.name(), r.statusItems());
                }
            }
            if (subscribedOnly && r.selection().contains(ListSelection.RECURSIVEMATCH)) {
                childInfo(s, reference, decode(p), sep, listed, children);
            }
        }
        return StatusResponse.ok(r.tag(), "List completed.");
    }

    /**
     * RFC 5258 3.5: with RECURSIVEMATCH, a name the pattern matches that is not subscribed itself
     * but has subscribed children is listed with {@code CHILDINFO ("SUBSCRIBED")}.
     */
    private static void childInfo(ImapSession s, String reference, String pattern, char sep, Set<String> listed,
            boolean children) throws StorageException {
        List<String> subscribedNames = s.mailboxes().list("", "*", true).stream().map(MailboxInfo::name).toList();
        for (MailboxInfo m : s.mailboxes().list(reference, pattern, false)) {
            String prefix = m.name() + sep;
            if (!listed.contains(m.name()) && subscribedNames.stream().anyMatch(n -> n.startsWith(prefix))) {
                s.out().list("LIST", new ListEntry(attributes(m, true, false, children), sep,
                        WireNames.toWire(m.name()), List.of("SUBSCRIBED")));
            }
        }
    }

    static StatusResponse lsub(ImapSession s, LsubRequest r) throws StorageException {
        char sep = MailboxCommands.separator(s);
        String reference = decode(r.reference());
        if (r.pattern().isEmpty()) {
            s.out().list("LSUB", new ListEntry(List.of("\\Noselect"), sep, ""));
            return StatusResponse.ok(r.tag(), "Lsub completed.");
        }
        for (MailboxInfo m : s.mailboxes().list(reference, decode(r.pattern()), true)) {
            List<String> attrs = new ArrayList<>();
            if (m.has(MailboxAttribute.NOSELECT) && !m.has(MailboxAttribute.SUBSCRIBED)) {
                attrs.add("\\Noselect");
            }
            s.out().list("LSUB", new ListEntry(attrs, sep, WireNames.toWire(m.name())));
        }
        return StatusResponse.ok(r.tag(), "Lsub completed.");
    }

    /** @param children whether to say \HasChildren/\HasNoChildren (LIST-EXTENDED: only with RETURN (CHILDREN)) */
    private static List<String> attributes(MailboxInfo m, boolean extended, boolean subscribed, boolean children) {
        List<String> a = new ArrayList<>();
        if (m.has(MailboxAttribute.NONEXISTENT)) {
            a.add(extended ? "\\NonExistent" : "\\Noselect");
        } else if (m.has(MailboxAttribute.NOSELECT)) {
            a.add("\\Noselect");
        }
        if (subscribed) {
            a.add("\\Subscribed");
        }
        for (MailboxAttribute special : m.attributes()) {
            if (special.isSpecialUse()) {
                a.add(special.imapName()); // RFC 6154: always shown, as Dovecot does
            }
        }
        if (!children) {
            return a;
        }
        if (m.has(MailboxAttribute.HAS_CHILDREN)) {
            a.add("\\HasChildren");
        } else if (m.has(MailboxAttribute.HAS_NO_CHILDREN)) {
            a.add("\\HasNoChildren");
        }
        return a;
    }

    private static String decode(String wire) {
        try {
            return ModifiedUtf7.decode(wire);
        } catch (IllegalArgumentException e) {
            return wire;
        }
    }
}
