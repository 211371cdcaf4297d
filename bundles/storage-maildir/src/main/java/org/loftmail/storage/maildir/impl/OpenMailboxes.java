package org.loftmail.storage.maildir.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mailbox handles a store gave out, by name, so their open uidlist files are closed when the
 * mailbox is renamed or deleted and when the store closes (the SPI has no close per mailbox).
 * Guarded by the store.
 */
final class OpenMailboxes {
    private final Map<String, List<MaildirMailbox>> byName = new HashMap<>();

    void add(MaildirMailbox mailbox) {
        byName.computeIfAbsent(mailbox.name(), k -> new ArrayList<>()).add(mailbox);
    }

    void close(String name) {
        List<MaildirMailbox> open = byName.remove(name);
        if (open != null) {
            open.forEach(MaildirMailbox::close);
        }
    }

    void closeAll() {
        byName.values().forEach(list -> list.forEach(MaildirMailbox::close));
        byName.clear();
    }
}
