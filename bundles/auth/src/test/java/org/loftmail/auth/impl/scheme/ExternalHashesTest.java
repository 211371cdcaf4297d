package org.loftmail.auth.impl.scheme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hashes made by the real tools verify; a wrong password does not. */
class ExternalHashesTest {

    private static final String PASSWORD = "s3cret pass!";

    private static void check(String stored) {
        assertTrue(Schemes.verify(PASSWORD, stored, "PLAIN"), "should verify: " + stored);
        assertFalse(Schemes.verify("wrong", stored, "PLAIN"), "wrong password verified: " + stored);
        assertFalse(Schemes.verify(PASSWORD + "x", stored, "PLAIN"), "longer password verified: " + stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-6", "-5", "-1"})
    void opensslPasswdCrypt(String option) {
        String hash = Tools.out(null, "openssl", "passwd", option, PASSWORD);
        String scheme = switch (option) {
            case "-6" -> "SHA512-CRYPT";
            case "-5" -> "SHA256-CRYPT";
            default -> "MD5-CRYPT";
        };
        check("{" + scheme + "}" + hash);
        check("{CRYPT}" + hash);
        assertTrue(Schemes.verify(PASSWORD, hash, "CRYPT"), "default scheme applies without prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "CLEARTEXT", "CLEAR", "SHA512-CRYPT", "SHA256-CRYPT", "MD5-CRYPT", "BLF-CRYPT",
        "ARGON2I", "ARGON2ID", "SSHA", "SSHA256", "SSHA512", "SHA", "SHA1", "SHA256", "SHA512", "SHA256.HEX",
        "SHA512.HEX", "SHA.HEX", "PLAIN-MD5", "LDAP-MD5", "SMD5", "PBKDF2", "CRAM-MD5", "SCRAM-SHA-1",
        "SCRAM-SHA-256", "PLAIN.B64", "SSHA.B64", "MD5"})
    void doveadmPw(String scheme) {
        check(Tools.out(null, "doveadm", "pw", "-s", scheme, "-p", PASSWORD));
    }

    @Test
    void doveadmDesCryptCountsOnlyEightCharacters() {
        String stored = Tools.out(null, "doveadm", "pw", "-s", "DES-CRYPT", "-p", "abcdefgh");
        assertTrue(Schemes.verify("abcdefgh", stored, "PLAIN"));
        assertTrue(Schemes.verify("abcdefgh-and-more", stored, "PLAIN"), "DES crypt ignores what follows 8 characters");
        assertFalse(Schemes.verify("abcdefgX", stored, "PLAIN"));
        assertTrue(Schemes.verify("abcdefgh", stored.substring(stored.indexOf('}') + 1), "CRYPT"), "CRYPT knows DES too");
    }

    @Test
    void htpasswdBcrypt() {
        String line = Tools.out(null, "htpasswd", "-nbB", "user", PASSWORD);
        String hash = line.substring(line.indexOf(':') + 1);
        check("{BLF-CRYPT}" + hash);
        check("{BLF-CRYPT}" + hash.replaceFirst("^\\$2y\\$", "\\$2b\\$"));
        check("{BLF-CRYPT}" + hash.replaceFirst("^\\$2y\\$", "\\$2a\\$"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-i", "-id"})
    void argon2Tool(String type) {
        String hash = Tools.out(PASSWORD, "argon2", "saltsaltsaltsalt", type, "-e", "-m", "12", "-t", "2");
        check("{" + (type.equals("-i") ? "ARGON2I" : "ARGON2ID") + "}" + hash);
    }

    @Test
    void unknownSchemeOrGarbageNeverVerifies() {
        assertFalse(Schemes.verify(PASSWORD, "{NOPE}" + PASSWORD, "PLAIN"));
        assertFalse(Schemes.verify(PASSWORD, "{SHA512-CRYPT}garbage", "PLAIN"));
        assertFalse(Schemes.verify(PASSWORD, "{ARGON2ID}$argon2id$v=19$bad", "PLAIN"));
        assertFalse(Schemes.verify(PASSWORD, "{PBKDF2}$1$x$notanumber$00", "PLAIN"));
        assertFalse(Schemes.verify(PASSWORD, "{SSHA}!!!", "PLAIN"));
    }
}
