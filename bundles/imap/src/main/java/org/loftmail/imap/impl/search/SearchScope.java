package org.loftmail.imap.impl.search;

import java.util.function.LongPredicate;

/**
 * What sequence keys need from the session.
 *
 * @param exists    the number of messages in the view: {@code *} of a sequence set
 * @param maxUid    the largest UID in the view (0 when empty): {@code *} of a UID set
 * @param savedUids the UIDs of the saved search result {@code $} (RFC 5182); null means empty
 */
public record SearchScope(int exists, long maxUid, LongPredicate savedUids) {

    public SearchScope {
        if (savedUids == null) {
            savedUids = uid -> false;
        }
    }
}
