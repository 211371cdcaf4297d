package org.loftmail.imap.impl.request;

import java.util.List;
import java.util.Set;

/**
 * {@code sort [search-return-opts] SP sort-criteria SP search-charset 1*(SP search-key)}
 * (RFC 5256 3, ESORT RFC 5267).
 *
 * @param returns RETURN options, or null for a classic untagged SORT answer
 */
public record SortRequest(String tag, boolean uid, List<SortCriterion> criteria, String charset,
                          SearchKey key, Set<SearchReturn> returns) implements ImapRequest {

    public SortRequest {
        criteria = List.copyOf(criteria);
        returns = returns == null ? null : Set.copyOf(returns);
    }
}
