package org.loftmail.imap.impl.encode;

import java.util.List;

/**
 * One {@code mailbox-list} (RFC 3501 7.2.2, RFC 5258 extended data).
 *
 * @param attributes  mailbox attributes ({@code \HasChildren}, {@code \Sent}, ...)
 * @param delimiter   the hierarchy delimiter, or null for NIL
 * @param name        the mailbox name, modified UTF-7 already applied by the caller
 * @param childInfo   CHILDINFO extended data ({@code SUBSCRIBED}), empty when none
 */
public record ListEntry(List<String> attributes, Character delimiter, String name, List<String> childInfo) {

    public ListEntry {
        attributes = List.copyOf(attributes);
        childInfo = List.copyOf(childInfo);
    }

    public ListEntry(List<String> attributes, Character delimiter, String name) {
        this(attributes, delimiter, name, List.of());
    }
}
