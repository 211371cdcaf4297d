package org.loftmail.imap.impl.request;

import java.util.List;

/** {@code status SP mailbox SP "(" status-att *(SP status-att) ")"} (RFC 3501 6.3.10). */
public record StatusRequest(String tag, String mailbox, List<StatusItem> items) implements ImapRequest {

    public StatusRequest {
        items = List.copyOf(items);
    }
}
