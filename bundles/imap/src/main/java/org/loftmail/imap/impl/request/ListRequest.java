package org.loftmail.imap.impl.request;

import java.util.List;
import java.util.Set;

/**
 * {@code list [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]}
 * (RFC 3501 6.3.8, LIST-EXTENDED RFC 5258, LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154).
 *
 * @param patterns     one pattern, or several from the parenthesized form
 * @param selection    selection options (empty for a basic LIST)
 * @param returns      return options other than STATUS
 * @param statusItems  items of {@code RETURN (STATUS (...))}, empty when not asked
 */
public record ListRequest(String tag, String reference, List<String> patterns,
                          Set<ListSelection> selection, Set<ListReturn> returns,
                          List<StatusItem> statusItems) implements ImapRequest {

    public ListRequest {
        patterns = List.copyOf(patterns);
        selection = Set.copyOf(selection);
        returns = Set.copyOf(returns);
        statusItems = List.copyOf(statusItems);
    }

    /** Whether this is an extended LIST (RFC 5258 3): any option or several patterns. */
    public boolean extended() {
        return !selection.isEmpty() || !returns.isEmpty() || !statusItems.isEmpty() || patterns.size() > 1;
    }
}
