package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.storage.core.impl.name.ListPattern;
import org.loftmail.storage.core.impl.name.MailboxNames;

/**
 * LIST and LSUB over a set of internal names: attributes, special uses, implied parents, INBOX
 * first. The pattern matches the names as the session writes them ({@code external}); internal
 * names that cannot be written with the session's separator are left out.
 */
final class MailboxLister {

    private MailboxLister() {
    }

    /**
     * @param external the session's name for an internal name, or null when it has none
     * @param specialUse the special-use attributes of an existing mailbox, by internal name
     * @param inboxIsRoot whether INBOX is the namespace prefix's root (prefix {@code INBOX.}), so the
     *     parent of every other mailbox, as in Dovecot
     */
    static List<MailboxInfo> list(TreeSet<String> existing, Set<String> subscribed, ListPattern pattern,
            boolean subscribedOnly, Function<String, String> external,
            Function<String, Set<MailboxAttribute>> specialUse, boolean inboxIsRoot) {
        TreeSet<String> base = new TreeSet<>(subscribedOnly ? subscribed : existing);
        TreeSet<String> candidates = new TreeSet<>(base);
        for (String n : base) {
            for (String parent : parents(n, inboxIsRoot)) {
                // LSUB lists an unsubscribed parent only where the pattern hides the subscribed child (RFC 3501 6.3.9)
                if (!subscribedOnly || !matches(pattern, external.apply(n))) {
                    candidates.add(parent);
                }
            }
        }
        List<MailboxInfo> out = new ArrayList<>();
        for (String name : candidates) {
            String shown = external.apply(name);
            if (!matches(pattern, shown)) {
                continue;
            }
            EnumSet<MailboxAttribute> attrs = EnumSet.noneOf(MailboxAttribute.class);
            boolean exists = existing.contains(name);
            if (!base.contains(name)) {
                attrs.add(MailboxAttribute.NOSELECT);
                if (!exists) {
                    attrs.add(MailboxAttribute.NONEXISTENT);
                }
            } else if (!exists) {
                attrs.add(MailboxAttribute.NONEXISTENT);
            }
            boolean children = SharedStore.hasChildren(existing, name)
                    || inboxIsRoot && MailboxNames.isInbox(name) && existing.size() > (exists ? 1 : 0);
            attrs.add(children ? MailboxAttribute.HAS_CHILDREN
                    : MailboxAttribute.HAS_NO_CHILDREN);
            if (subscribed.contains(name)) {
                attrs.add(MailboxAttribute.SUBSCRIBED);
            }
            if (exists) {
                attrs.addAll(specialUse.apply(name));
            }
            MailboxInfo info = new MailboxInfo(shown, attrs);
            if (MailboxNames.isInbox(name)) {
                out.add(0, info);
            } else {
                out.add(info);
            }
        }
        return out;
    }

    /** The parents of an internal name, outermost first; INBOX first when it is the prefix's root. */
    private static List<String> parents(String name, boolean inboxIsRoot) {
        List<String> parents = MailboxNames.parents(name);
        if (!inboxIsRoot || MailboxNames.isInbox(name)) {
            return parents;
        }
        List<String> out = new ArrayList<>();
        out.add(MailboxNames.INBOX);
        out.addAll(parents);
        return out;
    }

    private static boolean matches(ListPattern pattern, String name) {
        return name != null && pattern.matches(name);
    }
}
