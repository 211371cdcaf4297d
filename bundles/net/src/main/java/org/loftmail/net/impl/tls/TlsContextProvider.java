package org.loftmail.net.impl.tls;

/**
 * TLS for the listeners of this bundle (an internal service, not exported): registered by
 * {@link TlsComponent}, constructed directly as a {@link TlsManager} in tests.
 */
public interface TlsContextProvider {

    /**
     * What a new connection should use; changes when the certificate files change. Null when
     * TLS is switched off ({@link #disabled()}) or no certificate could be loaded.
     */
    ServerTls current();

    /** Whether TLS is switched off by configuration ({@code ssl = no}). */
    boolean disabled();
}
