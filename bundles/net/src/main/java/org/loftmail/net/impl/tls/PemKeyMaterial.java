package org.loftmail.net.impl.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A certificate chain and its private key read from PEM: the key in PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}), PKCS#8 ({@code BEGIN PRIVATE KEY}), encrypted PKCS#8
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}), legacy encrypted PKCS#1/SEC1 or SEC1 EC
 * ({@code BEGIN EC PRIVATE KEY}) form.
 */
public record PemKeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {

    public PemKeyMaterial {
        chain = List.copyOf(chain);
    }

    /** The server's own certificate (first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Parses and checks that the key belongs to the first certificate.
     *
     * @param password the key's password, or null / empty when it is not encrypted
     */
    public static PemKeyMaterial parse(String certificatePem, String keyPem, char[] password)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = parseCertificates(certificatePem);
        PrivateKey key = parsePrivateKey(keyPem, password);
        checkKeyMatches(key, chain.get(0).getPublicKey());
        return new PemKeyMaterial(key, chain);
    }

    static List<X509Certificate> parseCertificates(String pem) throws IOException, CertificateException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BcProviders.bc());
        List<X509Certificate> certs = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        }
        if (certs.isEmpty()) {
            throw new CertificateException("no certificate found (expected -----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    static PrivateKey parsePrivateKey(String pem, char[] password) throws IOException, GeneralSecurityException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BcProviders.bc());
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(password);
                    try {
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BcProviders.bc()).build(password)));
                    } catch (PKCSException | OperatorCreationException e) {
                        throw new GeneralSecurityException("cannot decrypt the private key (wrong ssl_key_password?): "
                                + e.getMessage(), e);
                    }
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(password);
                    try {
                        return converter.getKeyPair(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BcProviders.bc()).build(password))).getPrivate();
                    } catch (PEMException e) {
                        throw new GeneralSecurityException("cannot decrypt the private key (wrong ssl_key_password?): "
                                + e.getMessage(), e);
                    }
                }
                if (o instanceof ASN1ObjectIdentifier || o instanceof X509CertificateHolder) {
                    continue; // EC PARAMETERS block, or certificates in a combined file
                }
            }
        }
        throw new GeneralSecurityException("no private key found (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY, "
                + "BEGIN EC PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
    }

    private static void requirePassword(char[] password) throws GeneralSecurityException {
        if (password == null || password.length == 0) {
            throw new GeneralSecurityException("the private key is encrypted but ssl_key_password is not set");
        }
    }

    /** Signs and verifies a probe: the key must belong to the certificate. */
    static void checkKeyMatches(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "ED25519" -> "Ed25519";
            case "Ed448", "ED448" -> "Ed448";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "loft key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm, BcProviders.bc());
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, BcProviders.bc());
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the private key does not belong to the certificate");
        }
    }
}
