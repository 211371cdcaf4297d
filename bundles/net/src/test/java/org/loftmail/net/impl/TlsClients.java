package org.loftmail.net.impl;

import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** JDK (SunJSSE) TLS clients that accept any server certificate and remember it. */
final class TlsClients {

    private TlsClients() {
    }

    static final class Recorder extends X509ExtendedTrustManager {
        final AtomicReference<X509Certificate> seen = new AtomicReference<>();

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.set(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            seen.set(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            seen.set(chain[0]);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        String subjectCn() {
            String name = seen.get().getSubjectX500Principal().getName();
            for (String part : name.split(",")) {
                if (part.startsWith("CN=")) {
                    return part.substring(3);
                }
            }
            return name;
        }
    }

    static SSLContext context(Recorder recorder) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {recorder}, new SecureRandom());
        return ctx;
    }

    /** Layers TLS over an open socket and completes the handshake. */
    static SSLSocket handshake(SSLContext ctx, Socket plain, String... protocols) throws Exception {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        s.setUseClientMode(true);
        if (protocols.length > 0) {
            s.setEnabledProtocols(protocols);
        }
        s.setSoTimeout(TestClient.TIMEOUT_MS);
        s.startHandshake();
        return s;
    }
}
