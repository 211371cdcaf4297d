package org.loftmail.imap.impl.process;

import java.util.List;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.quota.QuotaRoot;
import org.loftmail.api.storage.quota.QuotaService;
import org.loftmail.imap.impl.encode.QuotaResource;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.GetQuotaRequest;
import org.loftmail.imap.impl.request.GetQuotaRootRequest;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.WireNames;

/**
 * GETQUOTA and GETQUOTAROOT (RFC 9208) from the quota plug-in's service; without the plug-in the
 * commands are unknown, as in Dovecot without imap_quota.
 */
final class QuotaCommands {

    private QuotaCommands() {
    }

    static StatusResponse getQuotaRoot(ImapSession s, GetQuotaRootRequest r) throws StorageException {
        QuotaService quota = s.services().quota().get();
        if (quota == null) {
            return StatusResponse.bad(r.tag(), "Unknown command GETQUOTAROOT");
        }
        String name = MailboxCommands.name(s, r.mailbox());
        s.mailboxes().status(name); // NO [NONEXISTENT] for a mailbox that does not exist
        List<QuotaRoot> roots = quota.rootsOf(s.user(), name);
        s.out().quotaRoot(WireNames.toWire(name), roots.stream().map(QuotaRoot::name).toList());
        roots.forEach(root -> write(s, root));
        return StatusResponse.ok(r.tag(), "Getquotaroot completed.");
    }

    static StatusResponse getQuota(ImapSession s, GetQuotaRequest r) throws StorageException {
        QuotaService quota = s.services().quota().get();
        if (quota == null) {
            return StatusResponse.bad(r.tag(), "Unknown command GETQUOTA");
        }
        for (QuotaRoot root : quota.roots(s.user())) {
            if (root.name().equals(r.root())) {
                write(s, root);
                return StatusResponse.ok(r.tag(), "Getquota completed.");
            }
        }
        return StatusResponse.no(r.tag(), null, "Quota root does not exist.");
    }

    private static void write(ImapSession s, QuotaRoot root) {
        s.out().quota(root.name(), root.resources().stream()
                .map(x -> new QuotaResource(x.name(), x.usage(), x.limit())).toList());
    }
}
