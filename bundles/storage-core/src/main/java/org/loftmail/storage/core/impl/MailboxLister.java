package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.storage.core.impl.name.ListPattern;
import org.loftmail.storage.core.impl.name.MailboxNames;

/** LIST and LSUB over a set of names: attributes, implied parents, INBOX first. */
final class MailboxLister {

    private MailboxLister() {
    }

    static List<MailboxInfo> list(TreeSet<String> existing, Set<String> subscribed, ListPattern pattern,
            boolean subscribedOnly) {
        TreeSet<String> base = new TreeSet<>(subscribedOnly ? subscribed : existing);
        TreeSet<String> candidates = new TreeSet<>(base);
        for (String n : base) {
            for (String parent : MailboxNames.parents(n)) {
                // LSUB lists an unsubscribed parent only where the pattern hides the subscribed child (RFC 3501 6.3.9)
                if (!subscribedOnly || !pattern.matches(n)) {
                    candidates.add(parent);
                }
            }
        }
        List<MailboxInfo> out = new ArrayList<>();
        for (String name : candidates) {
            if (!pattern.matches(name)) {
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
            attrs.add(SharedStore.hasChildren(existing, name) ? MailboxAttribute.HAS_CHILDREN
                    : MailboxAttribute.HAS_NO_CHILDREN);
            if (subscribed.contains(name)) {
                attrs.add(MailboxAttribute.SUBSCRIBED);
            }
            MailboxInfo info = new MailboxInfo(name, attrs);
            if (MailboxNames.isInbox(name)) {
                out.add(0, info);
            } else {
                out.add(info);
            }
        }
        return out;
    }
}
