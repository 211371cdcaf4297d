package org.loftmail.auth.impl.scheme;

/**
 * One password scheme, named as Dovecot names it ({@code SHA512-CRYPT}). Implementations are
 * stateless and thread-safe; comparisons are constant-time.
 */
public interface PasswordScheme {

    /** The scheme's name in upper case. */
    String name();

    /**
     * Whether {@code password} matches {@code stored}.
     *
     * @param stored the stored value without its {@code {SCHEME}} prefix, already decoded from
     *     a {@code .HEX}/{@code .B64} encoding into its raw form when the scheme is a digest
     * @return false also when {@code stored} is not in the scheme's format
     */
    boolean verify(String password, Credentials stored);

    /** A new hash of {@code password} (random salt), without the prefix, in the default encoding. */
    String generate(String password);

    /**
     * The plaintext password, when the stored form is reversible (PLAIN); null otherwise.
     * Mechanisms that need the password itself (CRAM-MD5, SCRAM) use it.
     */
    default String plaintext(Credentials stored) {
        return null;
    }
}
