/**
 * SEARCH evaluation (RFC 3501 6.4.4, MODSEQ of RFC 7162 3.1.5, {@code $} of RFC 5182): a parsed
 * {@link org.loftmail.imap.impl.request.SearchKey} is compiled once into a
 * {@link org.loftmail.imap.impl.search.SearchEvaluator} that the session asks about each
 * {@link org.loftmail.imap.impl.search.SearchCandidate}. Metadata keys are evaluated before keys
 * that read the message, and the message is read at most once per candidate. String matching
 * follows Dovecot 2.3: substrings compared under i;unicode-casemap (simple titlecase, then NFKD),
 * over RFC 2047-decoded headers and transfer- and charset-decoded body text.
 */
package org.loftmail.imap.impl.search;
