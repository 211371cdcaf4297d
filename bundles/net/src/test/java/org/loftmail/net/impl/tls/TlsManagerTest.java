package org.loftmail.net.impl.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsManagerTest {

    @TempDir
    Path dir;

    @Test
    void selfSignedIsGeneratedOnceAndReused() throws Exception {
        Path state = dir.resolve("state");
        X509Certificate first;
        try (TlsManager m = new TlsManager(TlsSettings.files(null, null, state))) {
            m.start();
            first = m.current().certificate();
        }
        Path cert = state.resolve("ssl/" + SelfSignedCertificate.CERT_FILE);
        Path key = state.resolve("ssl/" + SelfSignedCertificate.KEY_FILE);
        assertTrue(Files.isRegularFile(cert));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).contains("BEGIN PRIVATE KEY"));
        assertEquals("EC", first.getPublicKey().getAlgorithm());
        assertTrue(first.getSubjectX500Principal().getName().contains("CN=" + SelfSignedCertificate.hostName()));
        Set<String> sans = first.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1)))
                .collect(Collectors.toSet());
        assertTrue(sans.containsAll(Set.of("localhost", "127.0.0.1")), sans.toString());
        assertTrue(sans.stream().anyMatch(s -> s.equals("0:0:0:0:0:0:0:1") || s.equals("::1")), sans.toString());
        Instant notAfter = first.getNotAfter().toInstant();
        assertTrue(notAfter.isAfter(Instant.now().plus(Duration.ofDays(3640))), "about ten years: " + notAfter);

        try (TlsManager again = new TlsManager(TlsSettings.files(null, null, state))) {
            again.start();
            assertEquals(first, again.current().certificate(), "reused, not generated again");
        }
    }

    @Test
    void brokenSelfSignedFilesAreReplaced() throws Exception {
        Path ssl = Files.createDirectories(dir.resolve("ssl"));
        Files.writeString(ssl.resolve(SelfSignedCertificate.CERT_FILE), "junk");
        Files.writeString(ssl.resolve(SelfSignedCertificate.KEY_FILE), "junk");
        SelfSignedCertificate.Location l = SelfSignedCertificate.loadOrCreate(dir);
        assertTrue(l.generated());
    }

    @Test
    void inlinePemAndCombinedFile() throws Exception {
        OpenSsl.Pair p = OpenSsl.rsaPkcs1(dir.resolve("rsa"), "inline");
        String cert = Files.readString(p.cert());
        String key = Files.readString(p.key());
        try (TlsManager m = new TlsManager(new TlsSettings("yes", "", "", "", cert, key, "", "", null, null, null, false,
                dir, null))) {
            m.start();
            assertNotNull(m.current());
        }
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, cert + key);
        try (TlsManager m = new TlsManager(TlsSettings.files(combined, null, dir))) {
            m.start();
            assertNotNull(m.current(), "key found in the certificate file");
        }
    }

    @Test
    void keyOfAnotherCertificateIsRejected() throws Exception {
        OpenSsl.Pair a = OpenSsl.rsaPkcs8(dir.resolve("a"), "a");
        OpenSsl.Pair b = OpenSsl.rsaPkcs8(dir.resolve("b"), "b");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> PemKeyMaterial.parse(Files.readString(a.cert()), Files.readString(b.key()), null));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        try (TlsManager m = new TlsManager(TlsSettings.files(a.cert(), b.key(), dir))) {
            m.start();
            assertNull(m.current());
        }
    }

    @Test
    void notPem() {
        assertThrows(GeneralSecurityException.class, () -> PemKeyMaterial.parse("hello", "world", null));
    }

    @Test
    void changedFilesAreNoticedOnlyWhenTheyChange() throws Exception {
        OpenSsl.Pair a = OpenSsl.ec(dir.resolve("a"), "a");
        OpenSsl.Pair b = OpenSsl.ec(dir.resolve("b"), "b");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.copy(a.cert(), cert);
        Files.copy(a.key(), key);
        try (TlsManager m = new TlsManager(TlsSettings.files(cert, key, dir).withPollInterval(Duration.ofHours(1)))) {
            m.start();
            X509Certificate first = m.current().certificate();
            assertFalse(m.reloadIfChanged(), "nothing changed");
            Files.copy(b.cert(), cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertFalse(m.reloadIfChanged(), "new certificate with the old key: kept the old one");
            assertEquals(first, m.current().certificate());
            Files.copy(b.key(), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(m.reloadIfChanged());
            assertNotEquals(first, m.current().certificate());
        }
    }

    @Test
    void protocolsFromDovecotNames() {
        List<String> supported = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
        List<String> problems = new java.util.ArrayList<>();
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsProtocols.enabled("TLSv1.2", supported, problems));
        assertEquals(List.of("TLSv1.3"), TlsProtocols.enabled("TLSv1.3", supported, problems));
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"), TlsProtocols.enabled("TLSv1", supported, problems));
        assertEquals(5, TlsProtocols.enabled("ANY", supported, problems).size());
        assertEquals(List.of(), problems);
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsProtocols.enabled("TLSv9", supported, problems));
        assertEquals(1, problems.size());
    }
}
