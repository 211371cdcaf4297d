package org.loftmail.auth.impl.sasl;

import java.util.Objects;
import org.loftmail.api.auth.AuthResult;

/** One exchange of one mechanism, fed decoded client responses. Not thread-safe. */
public interface MechanismSession {

    /**
     * The next step.
     *
     * @param response the client's decoded response; null for "no initial response"
     */
    Step step(byte[] response);

    /** A challenge to send, or the end. */
    sealed interface Step permits Challenge, Done {
    }

    record Challenge(byte[] data) implements Step {
        public Challenge {
            Objects.requireNonNull(data);
        }
    }

    record Done(AuthResult result) implements Step {
    }
}
