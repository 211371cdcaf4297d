/**
 * Sessions: the {@link org.loftmail.api.protocol.ProtocolSession} of one POP3 connection, its
 * maildrop, the settings, the registry of logged-in sessions ({@code pop3_lock_session},
 * {@code mail_max_userip_connections}) and Dovecot's {@code %} variable expansion.
 */
package org.loftmail.pop3.impl.session;
