package org.loftmail.auth.impl.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.auth.impl.AuthEngine;
import org.loftmail.auth.impl.AuthSettings;
import org.loftmail.auth.impl.EngineBuilder;
import org.loftmail.auth.impl.penalty.Penalty;
import org.loftmail.auth.impl.statik.StaticDriver;

/** The SASL engine as protocols drive it: base64 in, challenges out, against the static passdb. */
class SaslTest {

    private static final ClientInfo TLS = new ClientInfo("imap", null, null, true, false, "s1");

    private final AtomicReference<String> nonce = new AtomicReference<>("nonce");
    private final AtomicReference<byte[]> salt = new AtomicReference<>(new byte[16]);

    private AuthEngine engine(String password, String mechanisms) {
        AuthSettings s = AuthSettings.of(Map.of("auth_mechanisms", mechanisms, "auth_failure_delay", "0",
                "passdb.0.driver", "static", "passdb.0.args", "password=" + password,
                "userdb.0.driver", "static", "userdb.0.args", "home=/h/%n"));
        return EngineBuilder.build(s, Map.of("static", new StaticDriver()), new Penalty(java.time.Clock.systemUTC()),
                d -> { }, Mechanisms.with(nonce::get, salt::get), java.time.Clock.systemUTC()).engine();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(SaslStep step) {
        return new String(Base64.getDecoder().decode(assertInstanceOf(SaslStep.Challenge.class, step).base64()),
                StandardCharsets.UTF_8);
    }

    private static AuthResult done(SaslStep step) {
        return assertInstanceOf(SaslStep.Done.class, step).result();
    }

    @Test
    void plainWithInitialResponseAndWithout() {
        AuthEngine e = engine("pencil", "plain");
        assertEquals("user", ((AuthResult.Success) done(e.startSasl("PLAIN", TLS).respond(b64("\0user\0pencil")))).user());
        SaslExchange x = e.startSasl("plain", TLS);
        assertEquals("", assertInstanceOf(SaslStep.Challenge.class, x.respond(null)).base64());
        assertInstanceOf(AuthResult.Success.class, done(x.respond(b64("user\0user\0pencil"))));
        assertEquals(FailureKind.CREDENTIALS, ((AuthResult.Failure) done(e.startSasl("PLAIN", TLS)
                .respond(b64("\0user\0wrong")))).kind());
    }

    @Test
    void plainRefusesAnotherAuthorizationIdentity() {
        assertInstanceOf(AuthResult.Failure.class,
                done(engine("pencil", "plain").startSasl("PLAIN", TLS).respond(b64("admin\0user\0pencil"))));
    }

    @Test
    void loginAsksForUserThenPassword() {
        SaslExchange x = engine("pencil", "login").startSasl("LOGIN", TLS);
        assertEquals("Username:", text(x.respond(null)));
        assertEquals("Password:", text(x.respond(b64("user"))));
        assertInstanceOf(AuthResult.Success.class, done(x.respond(b64("pencil"))));
        assertThrows(IllegalStateException.class, () -> x.respond(""));
    }

    @Test
    void cramMd5WithAPlaintextPassword() throws Exception {
        nonce.set("1896.697170952");
        SaslExchange x = engine("tanstaaftanstaaf", "cram-md5").startSasl("CRAM-MD5", TLS);
        String challenge = text(x.respond(null));
        assertEquals("<1896.697170952@localhost>", challenge);
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec("tanstaaftanstaaf".getBytes(StandardCharsets.US_ASCII), "HmacMD5"));
        String digest = HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.US_ASCII)));
        assertInstanceOf(AuthResult.Success.class, done(x.respond(b64("tim " + digest))));
    }

    @Test
    void cramMd5WithTheStoredCramMd5Scheme() throws Exception {
        String stored = org.loftmail.auth.impl.scheme.Schemes.generate("CRAM-MD5", "tanstaaftanstaaf");
        SaslExchange x = engine(stored, "cram-md5").startSasl("CRAM-MD5", TLS);
        String challenge = text(x.respond(null));
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec("tanstaaftanstaaf".getBytes(StandardCharsets.US_ASCII), "HmacMD5"));
        String digest = HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.US_ASCII)));
        assertInstanceOf(AuthResult.Success.class, done(x.respond(b64("tim " + digest))));
        SaslExchange y = engine(stored, "cram-md5").startSasl("CRAM-MD5", TLS);
        y.respond(null);
        assertEquals(FailureKind.CREDENTIALS, ((AuthResult.Failure) done(y.respond(b64("tim " + "0".repeat(32))))).kind());
    }

    @Test
    void cramMd5IsUnsupportedForOneWayHashes() {
        String stored = org.loftmail.auth.impl.scheme.Schemes.generate("SHA512-CRYPT", "pw");
        SaslExchange x = engine(stored, "cram-md5").startSasl("CRAM-MD5", TLS);
        x.respond(null);
        assertEquals(FailureKind.MECHANISM_UNSUPPORTED,
                ((AuthResult.Failure) done(x.respond(b64("tim " + "0".repeat(32))))).kind());
    }

    @Test
    void scramSha1Rfc5802Example() {
        nonce.set("3rfcNHYJY1ZVvWVs7j");
        salt.set(Base64.getDecoder().decode("QSXCR+Q6sek8bf92"));
        SaslExchange x = engine("pencil", "scram-sha-1").startSasl("SCRAM-SHA-1", TLS);
        assertEquals("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
                text(x.respond(b64("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"))));
        assertEquals("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=", text(x.respond(b64(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="))));
        assertEquals("user", ((AuthResult.Success) done(x.respond(""))).user());
    }

    @Test
    void scramSha256Rfc7677Example() {
        nonce.set("%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        salt.set(Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="));
        SaslExchange x = engine("pencil", "scram-sha-256").startSasl("SCRAM-SHA-256", TLS);
        assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                text(x.respond(b64("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"))));
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", text(x.respond(b64(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))));
        assertInstanceOf(AuthResult.Success.class, done(x.respond("")));
    }

    @Test
    void scramRefusesAnotherAuthorizationIdentity() {
        SaslExchange x = engine("pencil", "scram-sha-1").startSasl("SCRAM-SHA-1", TLS);
        assertEquals(FailureKind.CREDENTIALS,
                ((AuthResult.Failure) done(x.respond(b64("n,a=admin,n=user,r=fyko+d2lbbFgONRv9qkxdawL")))).kind());
    }

    @Test
    void scramWithAWrongProofFails() {
        nonce.set("3rfcNHYJY1ZVvWVs7j");
        salt.set(Base64.getDecoder().decode("QSXCR+Q6sek8bf92"));
        SaslExchange x = engine("not-pencil", "scram-sha-1").startSasl("SCRAM-SHA-1", TLS);
        x.respond(b64("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
        assertEquals(FailureKind.CREDENTIALS, ((AuthResult.Failure) done(x.respond(b64(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")))).kind());
    }

    @Test
    void scramWithTheStoredScramSchemeOfDoveadm() throws Exception {
        Process p = new ProcessBuilder("doveadm", "pw", "-s", "SCRAM-SHA-256", "-p", "pencil").start();
        String stored = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, p.waitFor());
        String[] parts = stored.substring(stored.indexOf('}') + 1).split(",");
        SaslExchange x = engine(stored, "scram-sha-256").startSasl("SCRAM-SHA-256", TLS);
        String serverFirst = text(x.respond(b64("n,,n=user,r=abc")));
        assertEquals("r=abcnonce,s=" + parts[1] + ",i=" + parts[0], serverFirst);
        // the client side of RFC 5802, from the password
        ScramKeys k = ScramKeys.derive("HmacSHA256", "pencil", Base64.getDecoder().decode(parts[1]),
                Integer.parseInt(parts[0]));
        byte[] salted = ScramKeys.hi("HmacSHA256", "pencil".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(parts[1]), Integer.parseInt(parts[0]));
        byte[] clientKey = ScramKeys.mac("HmacSHA256", salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        String withoutProof = "c=biws,r=abcnonce";
        byte[] sig = ScramKeys.mac("HmacSHA256", k.storedKey(),
                ("n=user,r=abc," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < sig.length; i++) {
            sig[i] ^= clientKey[i];
        }
        assertInstanceOf(SaslStep.Challenge.class,
                x.respond(b64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(sig))));
        assertInstanceOf(AuthResult.Success.class, done(x.respond("")));
    }

    @Test
    void anonymousIsOffUnlessConfigured() {
        assertEquals(FailureKind.MECHANISM_UNSUPPORTED, ((AuthResult.Failure) done(engine("pw", "plain")
                .startSasl("ANONYMOUS", TLS).respond(b64("trace")))).kind());
        assertEquals("anonymous", ((AuthResult.Success) done(engine("pw", "plain anonymous")
                .startSasl("ANONYMOUS", TLS).respond(b64("trace")))).user());
    }

    @Test
    void cancelAndBadBase64EndTheExchange() {
        AuthEngine e = engine("pw", "login");
        SaslExchange x = e.startSasl("LOGIN", TLS);
        x.respond(null);
        assertEquals(FailureKind.CANCELLED, ((AuthResult.Failure) done(x.respond("*"))).kind());
        SaslExchange y = e.startSasl("LOGIN", TLS);
        assertEquals(FailureKind.MALFORMED, ((AuthResult.Failure) done(y.respond("!!not base64"))).kind());
    }

    @Test
    void plaintextMechanismsAreRefusedWithoutTls() {
        ClientInfo clear = new ClientInfo("imap", null, null, false, false, "s2");
        assertEquals(FailureKind.PLAINTEXT_DISALLOWED, ((AuthResult.Failure) done(engine("pw", "plain")
                .startSasl("PLAIN", clear).respond(b64("\0u\0pw")))).kind());
    }
}
