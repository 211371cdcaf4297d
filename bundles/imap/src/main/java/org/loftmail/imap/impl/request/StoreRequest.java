package org.loftmail.imap.impl.request;

import java.util.List;

/**
 * {@code store SP sequence-set [SP "(" "UNCHANGEDSINCE" SP mod-sequence-valzer ")"] SP
 * store-att-flags} (RFC 3501 6.4.6, RFC 7162 3.1.3).
 *
 * @param unchangedSince the UNCHANGEDSINCE modifier, or null
 */
public record StoreRequest(String tag, boolean uid, SequenceSet set, Mode mode, boolean silent,
                           List<String> flags, Long unchangedSince) implements ImapRequest {

    public StoreRequest {
        flags = List.copyOf(flags);
    }

    /** {@code ["+" / "-"] "FLAGS"}. */
    public enum Mode {
        REPLACE, ADD, REMOVE
    }
}
