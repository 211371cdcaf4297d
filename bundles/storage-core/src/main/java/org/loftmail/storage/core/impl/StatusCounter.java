package org.loftmail.storage.core.impl;

import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageException;

/** STATUS counts of a mailbox; \Recent is what no session claimed yet plus what open views hold. */
final class StatusCounter {

    private StatusCounter() {
    }

    /** Call with the mailbox lock held, after a refresh. */
    static MailboxStatus count(MailboxState state) throws StorageException {
        MessageTable table = state.table;
        long unseen = 0;
        long size = 0;
        for (MessageMeta m : table.messages.values()) {
            size += m.size();
            if (!m.flags().has(Flag.SEEN)) {
                unseen++;
            }
        }
        long recent = table.after(table.recentWatermark).size();
        for (MailboxViewImpl v : state.views) {
            recent += v.recentHeld();
        }
        return new MailboxStatus(table.messages.size(), recent, unseen, state.uidNext(), state.uidValidity(),
                table.highestModseq(), size);
    }
}
