package org.loftmail.api.storage;

import java.util.List;

/**
 * What APPEND did, for {@code APPENDUID} (RFC 4315).
 *
 * @param uidValidity the target mailbox's UIDVALIDITY
 * @param uids the new UIDs, in the order of the requests
 */
public record AppendResult(long uidValidity, List<Long> uids) {
    public AppendResult {
        uids = List.copyOf(uids);
    }
}
