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

    /**
     * With {@link Framing#chunks()}: the number of raw bytes that follow {@code line} (without
     * its CRLF) as one chunk, as {@code BDAT 1000 LAST} is followed by 1,000 octets in SMTP's
     * CHUNKING (RFC 3030), or -1 when none do. Asked for every line as it is framed, in input
     * order and before that line is delivered, so pipelined chunks are never taken for lines.
     * A chunk is then announced through {@link #literalAnnounced} (non-synchronizing, binary);
     * accepted, it arrives as the command's {@link Literal} right after the line, ending the
     * command; refused, its bytes are read and dropped and {@link InputError#LITERAL_REFUSED} is
     * reported. The default: no chunks.
     *
     * @since 1.2
     */
    default long chunkSize(byte[] line) {
        return -1;
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
