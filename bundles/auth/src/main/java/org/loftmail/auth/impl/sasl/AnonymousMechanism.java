package org.loftmail.auth.impl.sasl;

import java.nio.charset.StandardCharsets;

/** RFC 4505: the client sends an optional trace string and is logged in as the anonymous user. */
public final class AnonymousMechanism implements Mechanism {

    @Override
    public String name() {
        return "ANONYMOUS";
    }

    @Override
    public boolean plaintext() {
        return false;
    }

    @Override
    public MechanismSession start(SaslContext context) {
        return response -> response == null
                ? new MechanismSession.Challenge(new byte[0])
                : new MechanismSession.Done(context.anonymous(new String(response, StandardCharsets.UTF_8)));
    }
}
