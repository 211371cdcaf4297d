package org.loftmail.api.storage;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One session's selected mailbox. Sequence numbers stay what they were at the last {@link #sync()}
 * (or the open): changes made by other sessions, and expunges made by this one, become visible
 * only at the next sync, which tells the session what to report. Flag changes are visible to
 * {@link #messages} at once (the sequence numbering is all that is frozen).
 *
 * <p>Not thread safe: use it from the session's ordered executor. Close it on UNSELECT/CLOSE/logout.
 */
@ProviderType
public interface MailboxView extends AutoCloseable {

    /** The mailbox name. */
    String name();

    /** Whether opened with EXAMINE: flag changes, expunge and move fail with {@link StorageError#READ_ONLY}. */
    boolean readOnly();

    /** The number of messages in this view. */
    int size();

    long uidValidity();

    /** The mailbox status now (counting messages other sessions added but this view has not synced). */
    MailboxStatus status() throws StorageException;

    /** The UID at a sequence number of this view. @throws IndexOutOfBoundsException outside 1..size() */
    long uid(int seq);

    /** The sequence number of a UID in this view, or 0 when the view does not hold it. */
    int seq(long uid);

    /** UIDs of this view in a sequence range {@code from..to} (1-based, inclusive, clipped to size()). */
    UidSet uidsOfSequences(int from, int to);

    /**
     * The messages of this view whose UID is in {@code uids}, in sequence order; messages other
     * sessions expunged since the last sync are left out.
     */
    List<ViewMessage> messages(UidSet uids) throws StorageException;

    /** The content of a message of this view. @throws StorageException EXPUNGED when it is gone */
    MessageContent content(long uid) throws StorageException;

    /**
     * The mailbox's cache of values derived from message content, shared with every other view
     * of the mailbox (see {@link MessageFieldCache}); usable until this view is closed.
     */
    MessageFieldCache cache();

    /** Changes flags of the messages of this view in {@code uids}; each changed message gets a new modseq. */
    StoreResult store(UidSet uids, FlagChange change) throws StorageException;

    /**
     * Removes messages with {@code \Deleted}: all of them ({@code uids == null}, EXPUNGE/CLOSE) or
     * those also in {@code uids} (UID EXPUNGE). The view keeps its numbering until {@link #sync()},
     * which the caller should run next to report them.
     *
     * @return the UIDs removed
     */
    List<Long> expunge(UidSet uids) throws StorageException;

    /** Copies messages to another mailbox of the same user, keeping flags and internal date. */
    CopyResult copy(UidSet uids, String target) throws StorageException;

    /** Moves messages (RFC 6851): a copy, then an expunge of the originals reported at the next sync. */
    CopyResult move(UidSet uids, String target) throws StorageException;

    /** Messages changed and UIDs expunged after {@code modseq} (CONDSTORE/QRESYNC). */
    Changes changesSince(long modseq) throws StorageException;

    /**
     * Brings the view up to date and says what changed since the last sync: expunges first, then
     * the new message count, then flag changes made by other sessions. Never blocks on other
     * sessions for longer than one storage operation.
     */
    SyncResult sync() throws StorageException;

    @Override
    void close();
}
