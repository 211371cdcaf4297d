package org.loftmail.api.delivery;

import java.util.List;
import java.util.Objects;

/** What a {@link DeliveryFilter} decided. */
public sealed interface FilterDecision permits FilterDecision.Next, FilterDecision.Store, FilterDecision.Discard,
        FilterDecision.Reject {

    /** No decision: the next filter decides, or the default target. */
    record Next() implements FilterDecision {
    }

    /** Store copies into these targets (at least one); later filters are not asked. */
    record Store(List<Target> targets) implements FilterDecision {
        public Store {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a Store decision needs a target");
            }
        }
    }

    /** Accept the message and store nothing (Sieve {@code discard}). */
    record Discard() implements FilterDecision {
    }

    /** Refuse the message for this recipient with a permanent error (Sieve {@code reject}). */
    record Reject(String reason) implements FilterDecision {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
