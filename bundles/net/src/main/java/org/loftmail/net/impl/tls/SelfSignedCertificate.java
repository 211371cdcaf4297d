package org.loftmail.net.impl.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for servers without {@code ssl_cert}: EC P-256, CN = this host's name,
 * SAN localhost, 127.0.0.1 and ::1, valid ten years. Generated once into
 * {@code <state_dir>/ssl/} and reused.
 */
public final class SelfSignedCertificate {

    public static final String CERT_FILE = "loft-selfsigned-cert.pem";
    public static final String KEY_FILE = "loft-selfsigned-key.pem";

    private SelfSignedCertificate() {
    }

    /** Where the files are and whether they were made just now. */
    public record Location(Path certificate, Path key, boolean generated) {
    }

    /** Returns the existing self-signed certificate in {@code stateDir}, or generates one. */
    public static Location loadOrCreate(Path stateDir) throws IOException, GeneralSecurityException {
        Path dir = stateDir.resolve("ssl");
        Path cert = dir.resolve(CERT_FILE);
        Path key = dir.resolve(KEY_FILE);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            try {
                PemKeyMaterial.parse(Files.readString(cert, StandardCharsets.US_ASCII),
                        Files.readString(key, StandardCharsets.US_ASCII), null);
                return new Location(cert, key, false);
            } catch (IOException | GeneralSecurityException e) {
                // unusable: make a new one below
            }
        }
        Files.createDirectories(dir);
        generate(hostName(), cert, key);
        return new Location(cert, key, true);
    }

    static void generate(String hostName, Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BcProviders.bc());
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();

        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, hostName)
                .addRDN(BCStyle.O, "Loft self-signed")
                .build();
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3653))), subject,
                pair.getPublic());
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, hostName),
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1"),
        });
        X509Certificate certificate;
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, names);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            certificate = new JcaX509CertificateConverter().setProvider(BcProviders.bc()).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BcProviders.bc())
                            .build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the self-signed certificate: " + e.getMessage(), e);
        }
        writePrivate(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()));
        writePublic(certFile, pem(certificate));
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(o);
        }
        return out.toString();
    }

    /** Writes a key file readable by its owner only (mode 0600 from the start). */
    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        move(tmp, file);
    }

    private static void writePublic(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        move(tmp, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && name.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                return name;
            }
        } catch (IOException e) {
            // fall through
        }
        return "localhost";
    }
}
