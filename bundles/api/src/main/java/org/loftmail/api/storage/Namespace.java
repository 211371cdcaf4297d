package org.loftmail.api.storage;

import java.util.Objects;

/**
 * An IMAP namespace, as configured by a {@code namespace { }} block.
 *
 * @param prefix the name prefix, empty or ending with the separator
 * @param separator the hierarchy separator
 * @param type personal, other users or shared
 * @param inbox whether INBOX lives in this namespace ({@code inbox = yes})
 * @param list whether LIST shows it ({@code list = yes})
 * @param subscriptions whether it keeps its own subscriptions ({@code subscriptions = yes})
 */
public record Namespace(String prefix, char separator, Type type, boolean inbox, boolean list, boolean subscriptions) {

    /** The kinds of namespace of RFC 2342. */
    public enum Type { PERSONAL, OTHER_USERS, SHARED }

    public Namespace {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
    }
}
