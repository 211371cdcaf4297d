package org.loftmail.auth.impl.scheme;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The password schemes Loft knows, by Dovecot's names, and the checks that go through them.
 * Thread-safe.
 */
public final class Schemes {

    private static final Map<String, PasswordScheme> BY_NAME = new LinkedHashMap<>();

    static {
        for (String n : new String[] {"PLAIN", "CLEAR", "CLEARTEXT"}) {
            add(new PlainScheme(n));
        }
        add(new CryptScheme("CRYPT", "$6$"));
        add(new CryptScheme("MD5-CRYPT", "$1$"));
        add(new CryptScheme("MD5", "$1$"));
        add(new CryptScheme("SHA256-CRYPT", "$5$"));
        add(new CryptScheme("SHA512-CRYPT", "$6$"));
        add(new CryptScheme("BLF-CRYPT", "$2y$"));
        add(new CryptScheme("DES-CRYPT", "DES"));
        add(new Argon2Scheme("ARGON2I", Argon2Parameters.ARGON2_i, "argon2i"));
        add(new Argon2Scheme("ARGON2ID", Argon2Parameters.ARGON2_id, "argon2id"));
        add(new DigestScheme("SHA", "SHA-1", false, false));
        add(new DigestScheme("SHA1", "SHA-1", false, false));
        add(new DigestScheme("SHA256", "SHA-256", false, false));
        add(new DigestScheme("SHA512", "SHA-512", false, false));
        add(new DigestScheme("PLAIN-MD5", "MD5", false, true));
        add(new DigestScheme("LDAP-MD5", "MD5", false, false));
        add(new DigestScheme("SSHA", "SHA-1", true, false));
        add(new DigestScheme("SSHA256", "SHA-256", true, false));
        add(new DigestScheme("SSHA512", "SHA-512", true, false));
        add(new DigestScheme("SMD5", "MD5", true, false));
        add(new Pbkdf2Scheme());
        add(new CramMd5Scheme());
        add(new ScramScheme("SCRAM-SHA-1", "HmacSHA1"));
        add(new ScramScheme("SCRAM-SHA-256", "HmacSHA256"));
    }

    private Schemes() {
    }

    private static void add(PasswordScheme s) {
        BY_NAME.put(s.name(), s);
    }

    /** The scheme names, in a stable order. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    public static Optional<PasswordScheme> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
    }

    /**
     * Whether {@code password} matches the stored credentials; false for an unknown scheme.
     *
     * @param stored {@code {SCHEME}value}, or a value in {@code defaultScheme}
     */
    public static boolean verify(String password, String stored, String defaultScheme) {
        Credentials c = Credentials.parse(stored, defaultScheme);
        PasswordScheme s = BY_NAME.get(c.scheme());
        return s != null && s.verify(password, c);
    }

    /**
     * A new hash of {@code password} with its {@code {SCHEME}} prefix, like {@code doveadm pw}.
     * A {@code .HEX}/{@code .B64} suffix is accepted for the digest schemes.
     *
     * @throws IllegalArgumentException for an unknown scheme
     */
    public static String generate(String scheme, String password) {
        Credentials c = Credentials.parse("{" + scheme + "}", "PLAIN");
        PasswordScheme s = byName(c.scheme()).orElseThrow(() -> new IllegalArgumentException("unknown scheme " + scheme));
        String value;
        if (c.encoding() != null && s instanceof DigestScheme d) {
            byte[] raw = d.generateRaw(password);
            value = c.encoding().equals("HEX") ? java.util.HexFormat.of().formatHex(raw) : Bytes.b64(raw);
        } else {
            value = s.generate(password);
        }
        return "{" + scheme.toUpperCase(Locale.ROOT) + "}" + value;
    }
}
