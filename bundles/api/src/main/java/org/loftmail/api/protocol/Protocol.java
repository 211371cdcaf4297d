package org.loftmail.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A text protocol served on network listeners (IMAP, POP3, LMTP, ManageSieve, ...).
 *
 * <p>Register it as a service with the property {@value #PROTOCOL}{@code =NAME}; every listener
 * configured for {@code NAME} starts serving it the moment the service appears and refuses
 * connections again when it goes away.
 */
@ConsumerType
public interface Protocol {

    /** Service property that names the protocol, e.g. {@code imap}. */
    String PROTOCOL = "protocol";

    /** How the network layer splits this protocol's input into commands. */
    Framing framing();

    /**
     * Starts a session for a new connection. Called on the session's own ordered executor, so it
     * may block; the returned session receives every later callback on that same executor.
     */
    ProtocolSession open(Connection connection);
}
