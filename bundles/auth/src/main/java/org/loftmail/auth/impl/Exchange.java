package org.loftmail.auth.impl;

import java.util.Base64;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.auth.impl.sasl.MechanismSession;

/** A {@link SaslExchange}: base64 and cancellation around one mechanism's session. Not thread-safe. */
final class Exchange implements SaslExchange {

    private final String mechanism;
    private final MechanismSession session;
    private final AuthResult immediate;
    private boolean done;

    Exchange(String mechanism, MechanismSession session) {
        this(mechanism, session, null);
    }

    private Exchange(String mechanism, MechanismSession session, AuthResult immediate) {
        this.mechanism = mechanism;
        this.session = session;
        this.immediate = immediate;
    }

    static Exchange failing(String mechanism, AuthResult result) {
        return new Exchange(mechanism, null, result);
    }

    @Override
    public String mechanism() {
        return mechanism;
    }

    @Override
    public SaslStep respond(String base64) {
        if (done) {
            throw new IllegalStateException("the SASL exchange is over");
        }
        if (immediate != null) {
            return done(immediate);
        }
        if ("*".equals(base64)) {
            return done(AuthResult.Failure.of(FailureKind.CANCELLED));
        }
        byte[] response;
        try {
            response = base64 == null ? null
                    : base64.isEmpty() || base64.equals("=") ? new byte[0] : Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return done(AuthResult.Failure.of(FailureKind.MALFORMED));
        }
        MechanismSession.Step step = session.step(response);
        if (step instanceof MechanismSession.Challenge c) {
            return new SaslStep.Challenge(Base64.getEncoder().encodeToString(c.data()));
        }
        return done(((MechanismSession.Done) step).result());
    }

    private SaslStep done(AuthResult result) {
        done = true;
        return new SaslStep.Done(result);
    }
}
