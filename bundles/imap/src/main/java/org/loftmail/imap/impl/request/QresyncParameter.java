package org.loftmail.imap.impl.request;

/**
 * {@code "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids]
 * [SP seq-match-data] ")"} (RFC 7162 3.2.5).
 *
 * @param knownUids      null when absent
 * @param knownSequences seq-match-data sequence numbers, null when absent
 * @param knownSeqUids   seq-match-data UIDs, null when absent
 */
public record QresyncParameter(long uidValidity, long modSeq, SequenceSet knownUids,
                               SequenceSet knownSequences, SequenceSet knownSeqUids) {
}
