package org.loftmail.auth.impl.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.auth.impl.scheme.CramMd5Scheme;

/**
 * RFC 2195: the server sends {@code <random.time@host>}, the client answers
 * {@code user HEX(HMAC-MD5(password, challenge))}. Works only when the passdb stores the password
 * as PLAIN or in the CRAM-MD5 scheme.
 */
public final class CramMd5Mechanism implements Mechanism {

    private final Supplier<String> challengeId;

    /** @param challengeId the {@code random.time} part of each challenge */
    public CramMd5Mechanism(Supplier<String> challengeId) {
        this.challengeId = challengeId;
    }

    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public boolean plaintext() {
        return false;
    }

    @Override
    public MechanismSession start(SaslContext context) {
        byte[] challenge = ("<" + challengeId.get() + "@" + context.hostname() + ">").getBytes(StandardCharsets.US_ASCII);
        return new MechanismSession() {
            private boolean sent;

            @Override
            public Step step(byte[] response) {
                if (!sent) {
                    sent = true;
                    return new Challenge(challenge);
                }
                String r = response == null ? "" : new String(response, StandardCharsets.UTF_8);
                int space = r.lastIndexOf(' ');
                if (space <= 0) {
                    return new Done(AuthResult.Failure.of(FailureKind.MALFORMED));
                }
                StoredCredentials c = context.lookupCredentials(r.substring(0, space));
                if (c.failure() != null) {
                    return new Done(c.failure());
                }
                byte[] context32 = contextOf(c);
                if (c.found() && context32 == null) {
                    return new Done(AuthResult.Failure.of(FailureKind.MECHANISM_UNSUPPORTED));
                }
                boolean ok = context32 != null && MessageDigest.isEqual(
                        HexFormat.of().formatHex(CramMd5Scheme.hmac(context32, challenge)).getBytes(StandardCharsets.US_ASCII),
                        r.substring(space + 1).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
                return new Done(context.finish(c, ok));
            }
        };
    }

    private static byte[] contextOf(StoredCredentials c) {
        if (!c.found()) {
            return null;
        }
        if (c.scheme().equals("CRAM-MD5")) {
            try {
                byte[] b = HexFormat.of().parseHex(c.value().trim());
                return b.length == 32 ? b : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return c.scheme().equals("PLAIN") ? CramMd5Scheme.context(c.value()) : null;
    }
}
