package org.loftmail.imap.impl.search;

import java.util.Optional;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageException;

/**
 * One message as search sees it. Content is only asked for when a key needs it, and then at most
 * once per {@link SearchEvaluator#matches} call; the evaluator reads it through
 * {@link MessageContent#header()} and {@link MessageContent#open()} only.
 */
public interface SearchCandidate {

    /** The message sequence number in the session's view. */
    int seq();

    /** The message's metadata (UID, flags, MODSEQ, dates, sizes). */
    MessageMeta meta();

    /** Whether the message is {@code \Recent} in this session. */
    boolean recent();

    /** The message content. */
    MessageContent content() throws StorageException;

    /** A value the mailbox's cache holds for this message (see {@code MessageFieldCache}), or empty. */
    default Optional<byte[]> cached(String field) {
        return Optional.empty();
    }

    /** Caches a value derived from this message's content. */
    default void cache(String field, byte[] value) {
    }

    /**
     * What the cached values belong to: equal objects for messages of the same mailbox and
     * UIDVALIDITY (where a UID names one message for ever), or null when values must not be
     * remembered beyond this message's evaluation.
     */
    default Object cacheScope() {
        return null;
    }
}
