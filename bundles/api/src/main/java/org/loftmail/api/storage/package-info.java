/**
 * The mailbox storage contract that protocols (IMAP, POP3, LMTP, ManageSieve) program against.
 *
 * <p>Obtain a user's mailboxes from the {@link org.loftmail.api.storage.MailStorage} service,
 * then select a mailbox as a {@link org.loftmail.api.storage.MailboxView} per session. All
 * failures are {@link org.loftmail.api.storage.StorageException}s carrying one {@link
 * org.loftmail.api.storage.StorageError}, which each protocol maps once to its own replies.
 *
 * <p>Unless a method says otherwise, arguments and results are never {@code null}, values are
 * immutable, and every object is safe to use from one thread at a time (a protocol session's
 * ordered executor); different sessions may use different objects concurrently.
 */
@Export
@Version("1.1.0")
package org.loftmail.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
