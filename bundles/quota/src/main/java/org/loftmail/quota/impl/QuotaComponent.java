package org.loftmail.quota.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.UserLookup;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.api.storage.MailboxStatus;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.quota.QuotaHook;
import org.loftmail.api.storage.quota.QuotaRoot;
import org.loftmail.api.storage.quota.QuotaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The quota service (IMAP GETQUOTA/GETQUOTAROOT, admin tools), and the {@link Backing} of the
 * bundle's {@link QuotaAccounting}: it looks users up in the userdb and counts their mailboxes
 * through the storage. The accounting is referenced by its component name, so this component
 * depends on the storage while the accounting (which the storage binds) depends on nothing.
 */
@Component(service = QuotaService.class)
public final class QuotaComponent implements QuotaService, Backing {

    /** The service name the userdb sees ({@code %s}) for quota lookups. */
    static final String SERVICE = "quota";

    private final AuthService auth;
    private final MailStorage storage;
    private final QuotaAccounting accounting;

    @Activate
    public QuotaComponent(@Reference AuthService auth, @Reference MailStorage storage,
            @Reference(target = "(component.name=org.loftmail.quota.impl.QuotaAccounting)") QuotaHook accounting) {
        this.auth = auth;
        this.storage = storage;
        this.accounting = (QuotaAccounting) accounting;
        this.accounting.attach(this);
    }

    @Deactivate
    void deactivate() {
        accounting.detach(this);
    }

    @Override
    public List<QuotaRoot> roots(String user) throws StorageException {
        return accounting.roots(this, user, null, false);
    }

    @Override
    public List<QuotaRoot> rootsOf(String user, String mailbox) throws StorageException {
        return accounting.roots(this, user, mailbox, false);
    }

    @Override
    public List<QuotaRoot> recalculate(String user) throws StorageException {
        return accounting.roots(this, user, null, true);
    }

    /**
     * For {@code loftadm quota get|recalc}: the user's root with all its resources (see
     * {@link QuotaAccounting#usage}); NOT_FOUND when the userdb does not know the user.
     */
    java.util.Optional<QuotaRoot> usage(String user, boolean recalculate) throws StorageException {
        if (auth.lookupUser(user, new ClientInfo(SERVICE, null, null, true, true, "quota")) instanceof UserLookup.NotFound) {
            throw new StorageException(StorageError.NOT_FOUND, "User doesn't exist: " + user);
        }
        return accounting.usage(this, user, recalculate);
    }

    @Override
    public Map<String, String> userdb(String user) throws StorageException {
        UserLookup r = auth.lookupUser(user, new ClientInfo(SERVICE, null, null, true, true, "quota"));
        return switch (r) {
            case UserLookup.Found f -> f.fields();
            case UserLookup.NotFound n -> Map.of();
            case UserLookup.Temporary t -> throw new StorageException(StorageError.TEMPORARY,
                    "Temporary failure looking up the user's quota", new IllegalStateException(t.reason()));
        };
    }

    private MailUser mailUser(String user, Map<String, String> userdb) {
        String home = userdb.get("home");
        String mail = userdb.get("mail");
        return new MailUser(user, home == null || home.isEmpty() ? null : home,
                mail == null || mail.isEmpty() ? null : mail);
    }

    @Override
    public Map<String, Usage> countAll(String user, Map<String, String> userdb) throws StorageException {
        Map<String, Usage> out = new HashMap<>();
        try (UserMailboxes mb = storage.open(mailUser(user, userdb))) {
            for (MailboxInfo info : mb.list("", "*", false)) {
                if (info.has(MailboxAttribute.NONEXISTENT) || info.has(MailboxAttribute.NOSELECT)) {
                    continue;
                }
                Usage u = status(mb, info.name());
                if (u != null) {
                    out.put(info.name(), u);
                }
            }
        }
        return out;
    }

    @Override
    public Usage count(String user, Map<String, String> userdb, String mailbox) throws StorageException {
        try (UserMailboxes mb = storage.open(mailUser(user, userdb))) {
            return status(mb, mailbox);
        }
    }

    private static Usage status(UserMailboxes mb, String name) throws StorageException {
        try {
            MailboxStatus s = mb.status(name);
            return new Usage(s.messages(), s.size());
        } catch (StorageException e) {
            if (e.error() == StorageError.NOT_FOUND || e.error() == StorageError.NOT_SELECTABLE) {
                return null;
            }
            throw e;
        }
    }
}
