package org.loftmail.auth.impl.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.auth.impl.scheme.ScramScheme;

/**
 * SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677), without channel binding. Works when the
 * passdb stores the password as PLAIN or in the mechanism's own SCRAM scheme. An unknown user
 * gets a salt made up from the name, so the exchange looks the same until the proof fails.
 */
public final class ScramMechanism implements Mechanism {

    static final int ITERATIONS = 4096;

    private final String name;
    private final String hmac;
    private final Supplier<String> nonces;
    private final Supplier<byte[]> salts;
    private final byte[] secret;

    /**
     * @param nonces the server's part of each nonce (printable, no comma)
     * @param salts salts for passwords stored as PLAIN
     */
    public ScramMechanism(String name, String hmac, Supplier<String> nonces, Supplier<byte[]> salts) {
        this.name = name;
        this.hmac = hmac;
        this.nonces = nonces;
        this.salts = salts;
        this.secret = salts.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean plaintext() {
        return false;
    }

    @Override
    public MechanismSession start(SaslContext context) {
        return new Exchange(context);
    }

    private final class Exchange implements MechanismSession {
        private final SaslContext context;
        private String gs2Header;
        private String clientFirstBare;
        private String serverFirst;
        private String nonce;
        private StoredCredentials credentials;
        private ScramKeys keys;
        private AuthResult success;

        Exchange(SaslContext context) {
            this.context = context;
        }

        @Override
        public Step step(byte[] response) {
            if (response == null) {
                return new Challenge(new byte[0]);
            }
            String r = new String(response, StandardCharsets.UTF_8);
            if (success != null) {
                return new Done(success);
            }
            return serverFirst == null ? first(r) : last(r);
        }

        private Step first(String r) {
            // gs2-header: "n,," or "y,," optionally with "a=authzid"; "p=" asks for channel binding
            int second = r.indexOf(',', r.indexOf(',') + 1);
            if (!(r.startsWith("n,") || r.startsWith("y,")) || second < 0) {
                return malformed();
            }
            gs2Header = r.substring(0, second + 1);
            String authzid = r.substring(2, second);
            clientFirstBare = r.substring(second + 1);
            String user = null;
            String clientNonce = null;
            for (String attr : clientFirstBare.split(",")) {
                if (attr.startsWith("n=")) {
                    user = attr.substring(2).replace("=2C", ",").replace("=3D", "=");
                } else if (attr.startsWith("r=")) {
                    clientNonce = attr.substring(2);
                }
            }
            if (user == null || user.isEmpty() || clientNonce == null || clientNonce.isEmpty()
                    || !authzid.isEmpty() && !authzid.startsWith("a=")) {
                return malformed();
            }
            if (!authzid.isEmpty() && !authzid.equals("a=" + user)) {
                // logging in as someone else (master users) is not supported
                return new Done(context.verifyPassword(authzid.substring(2), user, ""));
            }
            credentials = context.lookupCredentials(user);
            if (credentials.failure() != null) {
                return new Done(credentials.failure());
            }
            keys = keysOf(credentials, user);
            if (keys == null) {
                return new Done(AuthResult.Failure.of(FailureKind.MECHANISM_UNSUPPORTED));
            }
            nonce = clientNonce + nonces.get();
            serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(keys.salt()) + ",i="
                    + keys.iterations();
            return new Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
        }

        private Step last(String r) {
            int proofAt = r.lastIndexOf(",p=");
            String expectedStart = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8))
                    + ",r=" + nonce;
            if (proofAt < 0 || !r.startsWith(expectedStart + ",")) {
                return malformed();
            }
            String withoutProof = r.substring(0, proofAt);
            byte[] proof;
            try {
                proof = Base64.getDecoder().decode(r.substring(proofAt + 3));
            } catch (IllegalArgumentException e) {
                return malformed();
            }
            byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
            byte[] signature = ScramKeys.mac(hmac, keys.storedKey(), authMessage);
            boolean ok = proof.length == signature.length && credentials.found();
            if (ok) {
                for (int i = 0; i < proof.length; i++) {
                    signature[i] ^= proof[i];
                }
                ok = MessageDigest.isEqual(ScramKeys.hash(hmac, signature), keys.storedKey());
            }
            AuthResult result = context.finish(credentials, ok);
            if (!(result instanceof AuthResult.Success)) {
                return new Done(result);
            }
            success = result;
            String verifier = "v=" + Base64.getEncoder().encodeToString(ScramKeys.mac(hmac, keys.serverKey(), authMessage));
            return new Challenge(verifier.getBytes(StandardCharsets.UTF_8));
        }

        private ScramKeys keysOf(StoredCredentials c, String user) {
            if (!c.found()) {
                byte[] fakeSalt = java.util.Arrays.copyOf(ScramKeys.mac(hmac, secret, user.getBytes(StandardCharsets.UTF_8)), 16);
                return ScramKeys.derive(hmac, new String(java.util.HexFormat.of().formatHex(secret)), fakeSalt, ITERATIONS);
            }
            if (c.scheme().equals("PLAIN")) {
                return ScramKeys.derive(hmac, c.value(), salts.get(), ITERATIONS);
            }
            return c.scheme().equals(name) ? ScramScheme.parse(c.value(), hmac) : null;
        }

        private Step malformed() {
            return new Done(AuthResult.Failure.of(FailureKind.MALFORMED));
        }
    }
}
