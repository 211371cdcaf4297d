package org.loftmail.api.storage;

/**
 * A message as one session's view sees it.
 *
 * @param seq the message sequence number in this view (1-based)
 * @param meta the message's current data
 * @param recent whether this session holds {@code \Recent} for it
 */
public record ViewMessage(int seq, MessageMeta meta, boolean recent) {
    public long uid() {
        return meta.uid();
    }
}
