package org.loftmail.net.impl;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;

/** A bound listener: TCP ({@link TcpListener}) or Unix socket ({@link UnixListener}). */
public interface Listener {

    /** Binds the sockets and starts accepting. */
    void start() throws IOException;

    /** Closes the sockets and every session. */
    void stop();

    /** The addresses actually bound (ephemeral ports resolved). */
    List<SocketAddress> boundAddresses();

    ListenerRuntime runtime();
}
