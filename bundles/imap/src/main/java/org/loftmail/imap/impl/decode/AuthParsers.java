package org.loftmail.imap.impl.decode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.loftmail.imap.impl.request.AuthenticateRequest;
import org.loftmail.imap.impl.request.LoginRequest;

/** LOGIN and AUTHENTICATE (RFC 3501 6.2.2, 6.2.3; SASL-IR RFC 4959). */
final class AuthParsers {

    private AuthParsers() {
    }

    /** {@code login = "LOGIN" SP userid SP password}. */
    static LoginRequest login(String tag, ImapReader r) throws ParseException {
        r.sp();
        String user = r.astring();
        r.sp();
        return new LoginRequest(tag, user, r.astring());
    }

    /** {@code authenticate = "AUTHENTICATE" SP auth-type [SP (base64 / "=")]}. */
    static AuthenticateRequest authenticate(String tag, ImapReader r) throws ParseException {
        r.sp();
        String mechanism = r.atom().toUpperCase(Locale.ROOT);
        if (!r.accept(' ')) {
            return new AuthenticateRequest(tag, mechanism, null);
        }
        return new AuthenticateRequest(tag, mechanism, base64(r.atom()));
    }

    /**
     * A SASL response line: {@code base64} or {@code "="} for an empty response (RFC 4959).
     * Also used for the client's lines during an AUTHENTICATE exchange.
     */
    static byte[] base64(String text) throws ParseException {
        if (text.equals("=")) {
            return new byte[0];
        }
        if (text.isEmpty() || text.length() % 4 != 0) {
            throw new ParseException("Invalid base64 data");
        }
        try {
            return Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new ParseException(null, "Invalid base64 data", e);
        }
    }
}
