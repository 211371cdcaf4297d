package org.loftmail.api.delivery;

import java.util.List;
import java.util.Objects;

/** How the delivery to one recipient ended: LMTP gives one reply per recipient from it. */
public sealed interface DeliveryResult permits DeliveryResult.Stored, DeliveryResult.Discarded,
        DeliveryResult.Rejected, DeliveryResult.Failed {

    /** Stored durably (written and fsync'd). @param copies the mailboxes and UIDs it went to */
    record Stored(List<Copy> copies) implements DeliveryResult {
        public Stored {
            copies = List.copyOf(copies);
        }
    }

    /** One stored copy. */
    record Copy(String mailbox, long uidValidity, long uid) {
    }

    /** A filter chose to keep nothing. */
    record Discarded() implements DeliveryResult {
    }

    /** A filter refused the message (permanent). */
    record Rejected(String reason) implements DeliveryResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not stored.
     *
     * @param kind   why, for the protocol's status code
     * @param reason a text safe to show the MTA
     */
    record Failed(Kind kind, String reason) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a delivery failed. */
    enum Kind {
        /** The user's quota is full (LMTP {@code 552 5.2.2}, or {@code 452 4.2.2} with {@code quota_full_tempfail}). */
        OVER_QUOTA,
        /** The message is larger than the user may receive ({@code 552 5.2.3}). */
        TOO_BIG,
        /** Try again later: storage or userdb unavailable ({@code 451 4.2.0}/{@code 4.3.0}). */
        TEMPORARY,
        /** A permanent problem ({@code 554 5.2.0}). */
        PERMANENT
    }
}
