package org.loftmail.auth.impl.scheme;

/**
 * A stored password taken apart: {@code {SHA256.HEX}abc...} is scheme {@code SHA256}, encoding
 * {@code HEX}, value {@code abc...}.
 *
 * @param scheme the scheme name in upper case, without the encoding suffix
 * @param encoding {@code HEX}, {@code B64} or null when none was given
 * @param value what followed the prefix
 */
public record Credentials(String scheme, String encoding, String value) {

    /**
     * Parses a stored password; {@code defaultScheme} applies when it has no {@code {SCHEME}} prefix.
     */
    public static Credentials parse(String stored, String defaultScheme) {
        String scheme = defaultScheme;
        String value = stored;
        if (stored.startsWith("{")) {
            int end = stored.indexOf('}');
            if (end > 1) {
                scheme = stored.substring(1, end);
                value = stored.substring(end + 1);
            }
        }
        scheme = scheme.toUpperCase(java.util.Locale.ROOT);
        String encoding = null;
        int dot = scheme.lastIndexOf('.');
        if (dot > 0) {
            encoding = scheme.substring(dot + 1);
            encoding = encoding.equals("BASE64") ? "B64" : encoding;
            scheme = scheme.substring(0, dot);
        }
        return new Credentials(scheme, encoding, value);
    }
}
