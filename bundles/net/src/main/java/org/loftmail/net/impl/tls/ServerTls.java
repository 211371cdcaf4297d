package org.loftmail.net.impl.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One loaded TLS configuration: the BCJSSE context with its certificate, and the protocols and
 * cipher suites to enable.
 */
public record ServerTls(SSLContext context, List<String> protocols, List<String> cipherSuites,
                        boolean preferServerCiphers, X509Certificate certificate) {

    public ServerTls {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /** A server-side engine for one connection (no peer host: no reverse DNS lookup). */
    public SSLEngine newServerEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(protocols.toArray(String[]::new));
        p.setCipherSuites(cipherSuites.toArray(String[]::new));
        p.setUseCipherSuitesOrder(preferServerCiphers);
        p.setNeedClientAuth(false);
        p.setWantClientAuth(false);
        engine.setSSLParameters(p);
        return engine;
    }
}
