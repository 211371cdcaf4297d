package org.loftmail.imap.impl.session;

import java.util.concurrent.ScheduledExecutorService;
import org.loftmail.api.auth.AuthService;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.imap.impl.fetch.MessageCache;

/**
 * What every session of the imap protocol shares: the auth and storage services, the settings,
 * the registry of logged-in sessions, the parsed-message cache and a timer.
 */
public record ImapServices(AuthService auth, MailStorage storage, ImapSettings settings, SessionRegistry registry,
        MessageCache cache, ScheduledExecutorService timer) {
}
