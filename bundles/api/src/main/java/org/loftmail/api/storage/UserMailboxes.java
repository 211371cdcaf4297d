package org.loftmail.api.storage;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One user's mail store as a session sees it. Mailbox names are full names (namespace prefix
 * and separator included); {@code INBOX} is matched case-insensitively. Names are checked before
 * any driver sees them: a name that could escape the user's root fails with {@link
 * StorageError#INVALID_NAME} and a message naming the rule.
 *
 * <p>Not thread safe: one per session. Close it when the session ends.
 */
@ProviderType
public interface UserMailboxes extends AutoCloseable {

    /** The user this store belongs to. */
    MailUser user();

    /** The namespaces, personal first. */
    List<Namespace> namespaces();

    /**
     * Mailboxes matching an IMAP LIST pattern: {@code reference + pattern}, where {@code *}
     * matches anything and {@code %} anything but the separator. Parents of existing mailboxes
     * that do not exist themselves are listed with {@link MailboxAttribute#NONEXISTENT} and
     * {@link MailboxAttribute#NOSELECT}.
     *
     * @param subscribedOnly LSUB semantics: only subscribed names (which need not exist)
     */
    List<MailboxInfo> list(String reference, String pattern, boolean subscribedOnly) throws StorageException;

    /** Creates a mailbox and any missing parents. @throws StorageException EXISTS, INVALID_NAME */
    void create(String name) throws StorageException;

    /** Deletes a mailbox and its messages. @throws StorageException NOT_FOUND, HAS_CHILDREN, NOT_POSSIBLE (INBOX) */
    void delete(String name) throws StorageException;

    /**
     * Renames a mailbox and all its children ({@code a/b} follows {@code a}); UIDVALIDITY and UIDs
     * are kept. Renaming INBOX moves its messages into a new mailbox and leaves INBOX (and its
     * children) in place (RFC 3501 6.3.5). Views open on a renamed or deleted mailbox fail with
     * {@link StorageError#NOT_FOUND} from then on.
     *
     * @throws StorageException NOT_FOUND, EXISTS, INVALID_NAME
     */
    void rename(String from, String to) throws StorageException;

    /** Adds or removes a subscription; the mailbox need not exist. */
    void subscribe(String name, boolean subscribed) throws StorageException;

    MailboxStatus status(String name) throws StorageException;

    /**
     * Appends messages to a mailbox; UIDs are
     * assigned in request order. If one fails, those saved before it are expunged again and the
     * error is thrown. Consults the quota hook first.
     */
    AppendResult append(String mailbox, List<AppendRequest> messages) throws StorageException;

    /** Selects ({@code readOnly == false}) or examines a mailbox for this session. */
    MailboxView open(String mailbox, boolean readOnly) throws StorageException;

    /** Ends this handle; views opened through it must be closed first. */
    @Override
    void close();
}
