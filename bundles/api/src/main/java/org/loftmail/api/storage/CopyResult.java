package org.loftmail.api.storage;

import java.util.List;

/**
 * What COPY or MOVE did, for {@code COPYUID} (RFC 4315): {@code sourceUids.get(i)} became
 * {@code targetUids.get(i)}. Source UIDs that no longer existed are left out.
 *
 * @param uidValidity the target mailbox's UIDVALIDITY
 */
public record CopyResult(long uidValidity, List<Long> sourceUids, List<Long> targetUids) {
    public CopyResult {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
        if (sourceUids.size() != targetUids.size()) {
            throw new IllegalArgumentException("uid lists differ in length");
        }
    }
}
