package org.loftmail.net.impl.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSslCipherListTest {

    @TempDir
    Path dir;

    /** What the openssl binary makes of the string: IANA names of TLS 1.2-and-below suites, in order. */
    private List<String> openssl(String cipherList) throws Exception {
        String out = OpenSsl.run(dir, "ciphers", "-stdname", cipherList);
        return Arrays.stream(out.split("\n")).map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).filter(n -> !OpenSslCipherList.isTls13(n)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        TlsSettings.DEFAULT_CIPHER_LIST,
        "ALL",
        "DEFAULT",
        "DEFAULT:!RSA",
        "HIGH:!aNULL:!MD5",
        "HIGH:MEDIUM:!aNULL",
        "ECDHE+AESGCM:ECDHE+CHACHA20",
        "EECDH+AESGCM:EDH+AESGCM",
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384",
        "AES256:!aNULL:@STRENGTH",
        "ALL:-AES128:+CAMELLIA:AES128",
        "kEECDH:kEDH:!SHA1:!aNULL",
        "aRSA+SHA256 TLSv1.2+AESCCM, SSLv3",
        "ECDSA:DSS:!AESCCM8:+SHA384",
        "ALL:!COMPLEMENTOFDEFAULT",
        "FIPS:!PSK",
        "aRSA:!eNULL:-SHA1:kRSA:+AES256",
    })
    void sameAsOpenSsl(String cipherList) throws Exception {
        OpenSslCipherList.Result r = OpenSslCipherList.parse(cipherList);
        assertEquals(List.of(), r.problems());
        List<String> expected = openssl(cipherList);
        // the table lists the eNULL suites last; OpenSSL's internal order has a few of them elsewhere
        assertEquals(withoutNull(expected), withoutNull(r.suites()), cipherList);
        assertEquals(Set.copyOf(expected), Set.copyOf(r.suites()), cipherList);
    }

    private static List<String> withoutNull(List<String> suites) {
        return suites.stream().filter(n -> !n.contains("_NULL_")).toList();
    }

    @Test
    void openSslNamesMapToIanaNames() {
        assertEquals("ECDHE-RSA-AES256-GCM-SHA384", OpenSslCipherList.openSslName("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), OpenSslCipherList.parse("AES128-SHA").suites());
        assertEquals(List.of("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"), OpenSslCipherList.parse("EDH-RSA-DES-CBC3-SHA").suites());
        assertEquals(List.of("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"), OpenSslCipherList.parse("DHE-RSA-DES-CBC3-SHA").suites());
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                OpenSslCipherList.parse("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").suites(), "IANA names accepted too");
    }

    @Test
    void whatCannotBeMappedIsReported() {
        OpenSslCipherList.Result r = OpenSslCipherList.parse("HIGH:NOSUCHCIPHER:SUITEB128:@SECLEVEL=2:TLS_AES_128_GCM_SHA256");
        assertEquals(4, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("NOSUCHCIPHER"));
        assertTrue(r.problems().get(1).contains("SUITEB128"));
        assertTrue(r.problems().get(2).contains("@SECLEVEL=2"));
        assertTrue(r.problems().get(3).contains("ssl_cipher_suites"));
        assertTrue(r.suites().size() > 10, "the rest still applies");
    }

    @Test
    void tls13Suites() {
        Set<String> supported = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
        OpenSslCipherList.Result r = OpenSslCipherList.parseTls13(
                "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384:TLS_NOPE", supported);
        assertEquals(List.of("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384"), r.suites());
        assertEquals(1, r.problems().size());
    }
}
