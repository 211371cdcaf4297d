package org.loftmail.auth.impl.sasl;

import java.nio.charset.StandardCharsets;

/** The LOGIN mechanism (draft-murchison-sasl-login): "Username:", then "Password:". */
public final class LoginMechanism implements Mechanism {

    private static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public boolean plaintext() {
        return true;
    }

    @Override
    public MechanismSession start(SaslContext context) {
        return new MechanismSession() {
            private String user;

            @Override
            public Step step(byte[] response) {
                if (user == null) {
                    if (response == null || response.length == 0) {
                        return new Challenge(USERNAME);
                    }
                    user = new String(response, StandardCharsets.UTF_8);
                    return new Challenge(PASSWORD);
                }
                String password = response == null ? "" : new String(response, StandardCharsets.UTF_8);
                return new Done(context.verifyPassword("", user, password));
            }
        };
    }
}
