package org.loftmail.imap.impl.request;

import java.util.List;

/** {@code enable 1*(SP capability)} (RFC 5161); capability names upper case. */
public record EnableRequest(String tag, List<String> capabilities) implements ImapRequest {

    public EnableRequest {
        capabilities = List.copyOf(capabilities);
    }
}
