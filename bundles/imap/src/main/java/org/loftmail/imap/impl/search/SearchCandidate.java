package org.loftmail.imap.impl.search;

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
}
