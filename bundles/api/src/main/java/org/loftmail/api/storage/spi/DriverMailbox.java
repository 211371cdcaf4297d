package org.loftmail.api.storage.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One mailbox in a driver's format.
 *
 * <p>UIDs: the driver allocates them in {@link #save} because only it can lock its format against
 * other processes (Dovecot's {@code dovecot-uidlist}); it must hand out strictly increasing UIDs
 * that are never reused, and keep {@link #uidValidity()} stable. The core checks this and fails
 * with INTERNAL when a driver breaks it.
 *
 * <p>MODSEQ: the driver does not know it. The core keeps modseqs, expunge history and its cache
 * of the message list in an opaque {@linkplain #readIndex() index blob} that the driver stores
 * next to the mailbox. That keeps CONDSTORE/QRESYNC identical for every driver, and formats that
 * have no modseq (Maildir, mbox) need no extension; when the blob is lost the core rebuilds it
 * from {@link #messages()} with modseqs above any it gave before (the current time in milliseconds), so
 * clients resynchronise rather than miss changes.
 */
@ConsumerType
public interface DriverMailbox {

    long uidValidity();

    /** The UID the next saved message will get at least. */
    long nextUid() throws StorageException;

    /**
     * A cheap token that changes whenever something other than this object's own {@link #save},
     * {@link #setFlags} and {@link #expunge} changed the mailbox (another process, a file dropped
     * into {@code new/}); the core rereads {@link #messages()} only when it differs. It may also
     * change for the object's own changes (the core then rereads once and finds nothing new).
     * Return a new value each call (e.g. {@code System.nanoTime()}) when the driver cannot tell.
     */
    long revision() throws StorageException;

    /** All messages, sorted by UID. */
    List<StoredMessage> messages() throws StorageException;

    /**
     * Saves a message atomically: after return it is durable (fsync'd where that applies) and
     * listed by {@link #messages()}; after a failure nothing of it is visible.
     *
     * @return the stored message with its new UID, size and virtual size
     */
    StoredMessage save(InputStream content, SaveRequest request) throws StorageException;

    /** Sets the flags of messages by UID; UIDs that no longer exist are ignored. */
    void setFlags(Map<Long, Flags> flags) throws StorageException;

    /** Removes messages by UID; UIDs that no longer exist are ignored. */
    void expunge(Collection<Long> uids) throws StorageException;

    /**
     * The content of a message from {@code offset}; seek when the format allows it. Unlike the
     * other methods this one may be called from any thread at any time (content is read outside
     * the core's mailbox lock); a message expunged meanwhile may still be readable.
     *
     * @throws StorageException EXPUNGED when the message is gone
     */
    InputStream open(long uid, long offset) throws StorageException, IOException;

    /** The core's index blob, or {@code null} when there is none yet. */
    byte[] readIndex() throws StorageException;

    /** Replaces the core's index blob atomically (a torn write must leave the old blob or none). */
    void writeIndex(byte[] index) throws StorageException;

    /**
     * The core's message cache log (behind {@link org.loftmail.api.storage.MessageFieldCache}),
     * or {@code null} when there is none. The caller closes the stream. A driver that keeps the
     * log stores it next to the index blob and moves it along on rename; the default keeps
     * nothing, so values are derived again after the mailbox is reopened.
     */
    default InputStream readCache() throws StorageException {
        return null;
    }

    /**
     * Appends octets to the cache log, creating it when missing. Need not be fsync'd: the core
     * checksums each record, so a lost or torn tail only costs the values in it.
     */
    default void appendCache(byte[] records) throws StorageException {
    }

    /** Replaces the cache log atomically: a torn write must leave the old log or the new one. */
    default void writeCache(byte[] log) throws StorageException {
    }

    /**
     * Registers the core's listener for changes made outside this JVM (a delivery agent writing
     * into maildir's {@code new/}, Dovecot on the same folder). A driver that can watch its
     * storage calls it, on any thread, soon after such a change; the core then rereads the mailbox
     * and tells the mailbox listeners. The default watches nothing: changes are then seen at the
     * next operation, through {@link #revision()}.
     */
    default void onExternalChange(Runnable listener) {
    }
}
