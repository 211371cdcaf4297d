package org.loftmail.imap.impl.session;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.loftmail.api.storage.quota.QuotaService;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.storage.MailStorage;

/**
 * What every session of the imap protocol shares: the auth and storage services, the settings,
 * the registry of logged-in sessions, a timer, and the quota service
 * when the quota plug-in runs (else the supplier gives null).
 */
public record ImapServices(AuthService auth, MailStorage storage, ImapSettings settings, SessionRegistry registry,
        ScheduledExecutorService timer, Supplier<QuotaService> quota) {

    public ImapServices(AuthService auth, MailStorage storage, ImapSettings settings, SessionRegistry registry,
            ScheduledExecutorService timer) {
        this(auth, storage, settings, registry, timer, () -> null);
    }
}
