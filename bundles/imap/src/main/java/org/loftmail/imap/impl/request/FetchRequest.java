package org.loftmail.imap.impl.request;

import java.util.List;

/**
 * {@code fetch SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att
 * *(SP fetch-att) ")") [fetch-modifiers]} (RFC 3501 6.4.5, CHANGEDSINCE and VANISHED of
 * RFC 7162). Macros are expanded into attributes.
 *
 * @param changedSince the CHANGEDSINCE modifier, or null
 * @param vanished     the VANISHED modifier (UID FETCH only)
 */
public record FetchRequest(String tag, boolean uid, SequenceSet set, List<FetchAttribute> attributes,
                           Long changedSince, boolean vanished) implements ImapRequest {

    public FetchRequest {
        attributes = List.copyOf(attributes);
    }
}
