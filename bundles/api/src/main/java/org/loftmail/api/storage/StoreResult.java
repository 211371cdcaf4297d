package org.loftmail.api.storage;

import java.util.List;

/**
 * What STORE did.
 *
 * @param changed messages whose flags or modseq changed, with their new data (for the FETCH
 *     replies of a non-SILENT STORE), in view order
 * @param failed UIDs not changed because their modseq was above UNCHANGEDSINCE (the
 *     {@code [MODIFIED]} set of RFC 7162)
 */
public record StoreResult(List<ViewMessage> changed, UidSet failed) {
    public StoreResult {
        changed = List.copyOf(changed);
    }
}
