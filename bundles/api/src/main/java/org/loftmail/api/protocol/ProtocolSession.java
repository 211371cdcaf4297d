package org.loftmail.api.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One connection's protocol state. All callbacks run one at a time, in input order, on the
 * session's own executor (never on a network IO thread), so an implementation may block on
 * storage or on {@link Connection#write} without holding up other sessions.
 */
@ConsumerType
public interface ProtocolSession {

    /** The connection is ready (after an implicit TLS handshake); send the greeting here. */
    void started();

    /**
     * A complete command arrived. Literal data in it stays readable until this method returns;
     * the network layer releases it afterwards.
     */
    void commandReceived(Command command);

    /**
     * A line announced a literal. Return true to receive it as part of the command; for a
     * synchronizing literal the session itself sends the continuation its protocol uses
     * (IMAP's {@code + }) before returning true. Return false to refuse it: the session answers
     * with its protocol's error, and the network layer then reports
     * {@link InputError#LITERAL_REFUSED} and discards the command (and the data of a
     * non-synchronizing literal). The default refuses every literal.
     */
    default boolean literalAnnounced(LiteralAnnouncement announcement) {
        return false;
    }

    /** Input was refused by framing rules; answer with the protocol's error and keep serving. */
    void inputRejected(InputError error);

    /**
     * No input for the connection's idle timeout. The default closes the connection; a protocol
     * may first send its goodbye (IMAP's {@code * BYE Autologout}).
     */
    default void idleTimedOut(Connection connection) {
        connection.close();
    }

    /** The connection is gone (closed by either side); release what the session holds. */
    void closed();
}
