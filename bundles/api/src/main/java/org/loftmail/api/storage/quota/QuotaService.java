package org.loftmail.api.storage.quota;

import java.util.List;
import org.loftmail.api.storage.StorageException;
import org.osgi.annotation.versioning.ProviderType;

/** What protocols ask about quota (IMAP GETQUOTA/GETQUOTAROOT, RFC 9208; admin tools). */
@ProviderType
public interface QuotaService {

    /** Every quota root of the user, with usage and limits; empty when the user has no quota. */
    List<QuotaRoot> roots(String user) throws StorageException;

    /** The roots that apply to one of the user's mailboxes. */
    List<QuotaRoot> rootsOf(String user, String mailbox) throws StorageException;

    /** Counts the user's usage again from the mailboxes (and rewrites a maildirsize file). */
    List<QuotaRoot> recalculate(String user) throws StorageException;
}
