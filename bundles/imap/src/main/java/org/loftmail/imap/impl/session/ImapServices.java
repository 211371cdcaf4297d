package org.loftmail.imap.impl.session;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.loftmail.api.storage.quota.QuotaService;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.imap.impl.fetch.MessageCache;

/**
 * What every session of the imap protocol shares: the auth and storage services, the settings,
 * the registry of logged-in sessions, the parsed-message cache, a timer, and the quota service
 * when the quota plug-in runs (else the supplier gives null).
 */
public record ImapServices(AuthService auth, MailStorage storage, ImapSettings settings, SessionRegistry registry,
        MessageCache cache, ScheduledExecutorService timer, Supplier<QuotaService> quota) {

    public ImapServices(AuthService auth, MailStorage storage, ImapSettings settings, SessionRegistry registry,
            MessageCache cache, ScheduledExecutorService timer) {
        this(auth, storage, settings, registry, cache, timer, () -> null);
    }
}
