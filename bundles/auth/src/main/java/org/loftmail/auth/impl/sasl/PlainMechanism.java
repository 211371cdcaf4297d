package org.loftmail.auth.impl.sasl;

import java.nio.charset.StandardCharsets;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;

/** RFC 4616: {@code [authzid] NUL authcid NUL passwd} in one response. */
public final class PlainMechanism implements Mechanism {

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public boolean plaintext() {
        return true;
    }

    @Override
    public MechanismSession start(SaslContext context) {
        return response -> {
            if (response == null) {
                return new MechanismSession.Challenge(new byte[0]);
            }
            String[] parts = new String(response, StandardCharsets.UTF_8).split("\0", -1);
            if (parts.length != 3 || parts[1].isEmpty()) {
                return new MechanismSession.Done(AuthResult.Failure.of(FailureKind.MALFORMED));
            }
            return new MechanismSession.Done(context.verifyPassword(parts[0], parts[1], parts[2]));
        };
    }
}
