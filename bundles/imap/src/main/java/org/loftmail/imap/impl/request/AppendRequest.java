package org.loftmail.imap.impl.request;

import java.util.List;

/**
 * {@code append SP mailbox 1*append-message} (RFC 3501 6.3.11, MULTIAPPEND RFC 3502, BINARY
 * RFC 3516). The messages stream from their literals; nothing here holds them on the heap.
 */
public record AppendRequest(String tag, String mailbox, List<AppendMessage> messages) implements ImapRequest {

    public AppendRequest {
        messages = List.copyOf(messages);
    }
}
