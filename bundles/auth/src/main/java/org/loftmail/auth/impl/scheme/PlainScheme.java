package org.loftmail.auth.impl.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** {@code PLAIN}, {@code CLEAR}, {@code CLEARTEXT}: the password itself ({@code .B64}/{@code .HEX} allowed). */
final class PlainScheme implements PasswordScheme {

    private final String name;

    PlainScheme(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean verify(String password, Credentials stored) {
        String plain = plaintext(stored);
        return plain != null && Bytes.equal(plain.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String generate(String password) {
        return password;
    }

    @Override
    public String plaintext(Credentials stored) {
        try {
            if ("B64".equals(stored.encoding())) {
                return new String(Base64.getMimeDecoder().decode(stored.value()), StandardCharsets.UTF_8);
            }
            if ("HEX".equals(stored.encoding())) {
                return new String(HexFormat.of().parseHex(stored.value()), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return stored.value();
    }
}
