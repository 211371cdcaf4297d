package org.loftmail.api.delivery;

import java.util.Objects;
import org.loftmail.api.storage.Flags;

/**
 * Where a copy of a message is stored.
 *
 * @param mailbox the mailbox name ({@code INBOX}, {@code Junk}, ...)
 * @param flags   flags to store the copy with
 * @param create  whether to create the mailbox when it does not exist (Sieve's {@code :create},
 *                {@code lmtp_save_to_detail_mailbox}); a missing mailbox otherwise falls back to INBOX
 */
public record Target(String mailbox, Flags flags, boolean create) {

    public Target {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(flags, "flags");
    }

    public static Target inbox() {
        return new Target("INBOX", Flags.NONE, false);
    }
}
