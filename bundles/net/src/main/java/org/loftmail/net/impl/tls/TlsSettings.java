package org.loftmail.net.impl.tls;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The TLS configuration as plain values (from {@link TlsConfig}, or built directly by tests).
 *
 * @param ssl                 {@code no}, {@code yes} or {@code required}
 * @param certPath            certificate chain file (watched), or empty
 * @param keyPath             private key file (watched), or empty
 * @param caPath              CA file for client certificates, or empty (not used yet)
 * @param cert                inline PEM certificate chain, or empty
 * @param key                 inline PEM private key, or empty
 * @param ca                  inline CA PEM, or empty (not used yet)
 * @param keyPassword         password of an encrypted key, or empty
 * @param minProtocol         Dovecot {@code ssl_min_protocol}
 * @param cipherList          OpenSSL cipher string for TLS 1.2 and below
 * @param cipherSuites        TLS 1.3 suites, or empty for the defaults
 * @param preferServerCiphers server cipher order
 * @param stateDir            where a self-signed certificate is kept
 * @param pollInterval        how often the certificate files are checked for changes
 */
public record TlsSettings(String ssl, String certPath, String keyPath, String caPath, String cert, String key, String ca,
                          String keyPassword, String minProtocol, String cipherList, String cipherSuites,
                          boolean preferServerCiphers, Path stateDir, Duration pollInterval) {

    /** Dovecot 2.3's default {@code ssl_cipher_list}. */
    public static final String DEFAULT_CIPHER_LIST =
            "ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    public TlsSettings {
        ssl = blankTo(ssl, "yes");
        certPath = blankTo(certPath, "");
        keyPath = blankTo(keyPath, "");
        caPath = blankTo(caPath, "");
        cert = blankTo(cert, "");
        key = blankTo(key, "");
        ca = blankTo(ca, "");
        keyPassword = keyPassword == null ? "" : keyPassword;
        minProtocol = blankTo(minProtocol, TlsProtocols.DEFAULT_MIN);
        cipherList = blankTo(cipherList, DEFAULT_CIPHER_LIST);
        cipherSuites = blankTo(cipherSuites, "");
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    }

    /** Certificate and key files with defaults for everything else. */
    public static TlsSettings files(Path cert, Path key, Path stateDir) {
        return new TlsSettings("yes", cert == null ? "" : cert.toString(), key == null ? "" : key.toString(), "", "", "",
                "", "", null, null, null, false, stateDir, null);
    }

    public TlsSettings withSsl(String value) {
        return new TlsSettings(value, certPath, keyPath, caPath, cert, key, ca, keyPassword, minProtocol, cipherList,
                cipherSuites, preferServerCiphers, stateDir, pollInterval);
    }

    public TlsSettings withKeyPassword(String password) {
        return new TlsSettings(ssl, certPath, keyPath, caPath, cert, key, ca, password, minProtocol, cipherList,
                cipherSuites, preferServerCiphers, stateDir, pollInterval);
    }

    public TlsSettings withProtocolsAndCiphers(String min, String list, String suites) {
        return new TlsSettings(ssl, certPath, keyPath, caPath, cert, key, ca, keyPassword, min, list, suites,
                preferServerCiphers, stateDir, pollInterval);
    }

    public TlsSettings withPollInterval(Duration interval) {
        return new TlsSettings(ssl, certPath, keyPath, caPath, cert, key, ca, keyPassword, minProtocol, cipherList,
                cipherSuites, preferServerCiphers, stateDir, interval);
    }

    /** {@code ssl = no}. */
    public boolean disabled() {
        return ssl.trim().equalsIgnoreCase("no");
    }

    /** Whether a certificate is configured (as a file or inline). */
    public boolean certificateConfigured() {
        return !certPath.isBlank() || !cert.isBlank();
    }

    private static String blankTo(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
