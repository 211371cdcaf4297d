package org.loftmail.imap.impl.encode;

/**
 * {@code esearch-response} (RFC 4731 3.1, RFC 7162 MODSEQ): every field is optional (null or
 * empty leaves it out).
 *
 * @param all the matching numbers (written compressed), or null
 */
public record EsearchResult(String tag, boolean uid, Long min, Long max, long[] all, Long count,
                            Long modSeq) {
}
