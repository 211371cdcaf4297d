package org.loftmail.imap.impl.request;

import java.util.Set;

/**
 * {@code search [search-return-opts] [SP "CHARSET" SP astring] 1*(SP search-key)}
 * (RFC 3501 6.4.4, ESEARCH RFC 4731, SEARCHRES RFC 5182).
 *
 * @param charset  the CHARSET argument, or null
 * @param returns  the RETURN options, or null for a classic SEARCH (untagged SEARCH answer);
 *                 {@code RETURN ()} is given as {@code {ALL}} (RFC 4731 3.1)
 */
public record SearchRequest(String tag, boolean uid, String charset, SearchKey key,
                            Set<SearchReturn> returns) implements ImapRequest {

    public SearchRequest {
        returns = returns == null ? null : Set.copyOf(returns);
    }

    /** Whether the answer is an ESEARCH response. */
    public boolean extended() {
        return returns != null;
    }
}
