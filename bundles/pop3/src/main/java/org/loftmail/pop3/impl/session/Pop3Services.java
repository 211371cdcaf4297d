package org.loftmail.pop3.impl.session;

import org.loftmail.api.auth.AuthService;
import org.loftmail.api.storage.MailStorage;

/** What every session of the pop3 protocol shares: auth, storage, settings, the session registry. */
public record Pop3Services(AuthService auth, MailStorage storage, Pop3Settings settings, SessionRegistry registry) {
}
