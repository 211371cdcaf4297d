package org.loftmail.auth.impl.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hashes Loft generates (for {@code loftadm pw}) are accepted by Dovecot's {@code doveadm pw -t}. */
class GeneratedHashesTest {

    private static final String PASSWORD = "an0ther s3cret";

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "CLEARTEXT", "SHA512-CRYPT", "SHA256-CRYPT", "MD5-CRYPT", "CRYPT", "BLF-CRYPT", "DES-CRYPT",
        "ARGON2I", "ARGON2ID", "SSHA", "SSHA256", "SSHA512", "SHA", "SHA256", "SHA512", "SHA256.HEX", "SSHA.HEX",
        "PLAIN-MD5", "LDAP-MD5", "SMD5", "PBKDF2", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256"})
    void doveadmVerifiesOurHash(String scheme) {
        String hash = Schemes.generate(scheme, PASSWORD);
        assertTrue(hash.startsWith("{" + scheme + "}"), hash);
        Tools.Result ok = Tools.run(null, "doveadm", "pw", "-t", hash, "-p", PASSWORD);
        assertEquals(0, ok.exit(), "doveadm rejected " + hash + ": " + ok.out());
        Tools.Result wrong = Tools.run(null, "doveadm", "pw", "-t", hash, "-p", "wrong");
        assertNotEquals(0, wrong.exit(), "doveadm accepted a wrong password for " + hash);
        assertTrue(Schemes.verify(PASSWORD, hash, "PLAIN"));
    }

    @Test
    void saltedHashesDifferEachTime() {
        assertNotEquals(Schemes.generate("SHA512-CRYPT", PASSWORD), Schemes.generate("SHA512-CRYPT", PASSWORD));
    }

    @Test
    void unknownSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Schemes.generate("ROT13", PASSWORD));
    }
}
