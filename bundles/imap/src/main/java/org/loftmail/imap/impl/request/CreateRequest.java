package org.loftmail.imap.impl.request;

import java.util.List;

/**
 * {@code create SP mailbox [SP "(" "USE" SP "(" use-attr *(SP use-attr) ")" ")"]}
 * (RFC 3501 6.3.3, CREATE-SPECIAL-USE RFC 6154 3).
 */
public record CreateRequest(String tag, String mailbox, List<String> specialUse) implements ImapRequest {

    public CreateRequest {
        specialUse = List.copyOf(specialUse);
    }
}
