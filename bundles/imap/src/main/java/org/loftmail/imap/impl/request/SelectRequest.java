package org.loftmail.imap.impl.request;

/**
 * {@code ("select" / "examine") SP mailbox [SP "(" select-param *(SP select-param) ")"]}
 * (RFC 3501 6.3.1/6.3.2, CONDSTORE and QRESYNC parameters of RFC 7162).
 *
 * @param readOnly  true for EXAMINE
 * @param condstore the CONDSTORE parameter was given
 * @param qresync   the QRESYNC parameter, or null
 */
public record SelectRequest(String tag, String mailbox, boolean readOnly, boolean condstore,
                            QresyncParameter qresync) implements ImapRequest {
}
