package org.loftmail.imap.impl.request;

import java.util.Map;

/**
 * {@code id SP id-params-list} (RFC 2971).
 *
 * @param parameters field to value (a value may be null for NIL), in client order; null for NIL
 */
public record IdRequest(String tag, Map<String, String> parameters) implements ImapRequest {
}
