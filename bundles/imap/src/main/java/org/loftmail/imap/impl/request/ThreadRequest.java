package org.loftmail.imap.impl.request;

/**
 * {@code thread SP thread-alg SP search-charset 1*(SP search-key)} (RFC 5256 3).
 *
 * @param algorithm the algorithm, upper case: {@code REFERENCES} or {@code ORDEREDSUBJECT}
 */
public record ThreadRequest(String tag, boolean uid, String algorithm, String charset, SearchKey key)
        implements ImapRequest {
}
