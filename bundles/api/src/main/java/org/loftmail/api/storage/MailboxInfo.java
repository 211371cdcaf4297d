package org.loftmail.api.storage;

import java.util.Objects;
import java.util.Set;

/**
 * One mailbox as LIST returns it.
 *
 * @param name the full name, with the namespace prefix and separator
 * @param attributes its attributes, including its RFC 6154 special uses ({@link MailboxAttribute#isSpecialUse()})
 */
public record MailboxInfo(String name, Set<MailboxAttribute> attributes) {
    public MailboxInfo {
        Objects.requireNonNull(name, "name");
        attributes = Set.copyOf(attributes);
    }

    public boolean has(MailboxAttribute attribute) {
        return attributes.contains(attribute);
    }
}
