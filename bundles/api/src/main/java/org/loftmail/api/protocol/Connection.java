package org.loftmail.api.protocol;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A client connection as the network layer gives it to a protocol. Thread-safe; methods that
 * write block the calling (session) thread while the peer is not reading, so a client that never
 * reads cannot make the server buffer without limit.
 */
@ProviderType
public interface Connection {

    /** A short id unique in this server's run, used in every log line of the session. */
    String id();

    /** The listener's configured name, e.g. {@code imaps}. */
    String listenerName();

    /** The client's address (from the PROXY header when the listener uses HAProxy's protocol). */
    SocketAddress remoteAddress();

    /** The address the client connected to. */
    SocketAddress localAddress();

    /** Whether the connection is encrypted (implicit TLS or after {@link #startTls()}). */
    boolean secure();

    /** Whether {@link #startTls()} can succeed: a certificate is configured and TLS is not on. */
    boolean tlsAvailable();

    /** Whether the peer is on a loopback address or a Unix socket. */
    boolean local();

    /** Writes bytes as they are. */
    void write(byte[] bytes);

    /** Writes a string in UTF-8 as it is (the caller adds CRLF). */
    void write(String text);

    /**
     * Switches to TLS. Call after the protocol's "go ahead" response was written; that response
     * is sent in the clear, everything after it encrypted. Input that arrived after the command
     * that asked for TLS is discarded (no plaintext command injection).
     *
     * @throws IllegalStateException when TLS is not available
     */
    void startTls();

    /**
     * Switches both directions to DEFLATE (raw RFC 1951, as IMAP's COMPRESS=DEFLATE of RFC 4978
     * wants): what was written before this call is sent as it is, everything written after it is
     * compressed, and input arriving from now on is inflated. Call after the protocol's "go ahead"
     * response was written, in the same callback. With TLS on, compression happens inside it.
     *
     * @throws IllegalStateException when compression is already on
     * @since 1.1
     */
    void startCompression();

    /** Whether {@link #startCompression()} was called. @since 1.1 */
    boolean compressed();

    /** How long the connection may stay without input before {@link ProtocolSession#idleTimedOut}. */
    void setIdleTimeout(Duration timeout);

    /** Names the logged-in user for log lines of this session. */
    void setUser(String user);

    /** The logged-in user, if set. */
    Optional<String> user();

    /** Flushes what was written and closes the connection. */
    void close();
}
