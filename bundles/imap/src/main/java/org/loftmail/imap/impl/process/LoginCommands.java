package org.loftmail.imap.impl.process;

import java.util.Base64;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.SaslExchange;
import org.loftmail.api.auth.SaslStep;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.request.AuthenticateRequest;
import org.loftmail.imap.impl.request.LoginRequest;
import org.loftmail.imap.impl.session.Capabilities;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.StorageErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** LOGIN (RFC 3501 6.2.3) and AUTHENTICATE (6.2.2, SASL-IR RFC 4959) through the auth service. */
final class LoginCommands {

    private static final Logger LOG = LoggerFactory.getLogger(LoginCommands.class);

    private LoginCommands() {
    }

    static StatusResponse login(ImapSession s, LoginRequest r) {
        if (!s.services().auth().plaintextAllowed(s.clientInfo())) {
            return failure(r.tag(), AuthResult.Failure.of(AuthResult.FailureKind.PLAINTEXT_DISALLOWED), "LOGIN", r.user());
        }
        AuthResult result = s.services().auth().authenticate(r.user(), r.password(), s.clientInfo());
        return finish(s, r.tag(), result, "LOGIN", r.user());
    }

    static StatusResponse authenticate(ImapSession s, AuthenticateRequest r) {
        SaslExchange exchange = s.services().auth().startSasl(r.mechanism(), s.clientInfo());
        String initial = r.initialResponse() == null ? null
                : r.initialResponse().length == 0 ? "=" : Base64.getEncoder().encodeToString(r.initialResponse());
        return step(s, r.tag(), exchange, exchange.respond(initial));
    }

    private static StatusResponse step(ImapSession s, String tag, SaslExchange exchange, SaslStep step) {
        return switch (step) {
            case SaslStep.Done d -> finish(s, tag, d.result(), exchange.mechanism(), null);
            case SaslStep.Challenge c -> {
                s.out().continuation(c.base64());
                s.continueWith(new ImapSession.Continuation() {
                    @Override
                    public StatusResponse line(Command command) {
                        String text = command.firstLine().trim();
                        return step(s, tag, exchange, exchange.respond(text));
                    }
                });
                yield null;
            }
        };
    }

    private static StatusResponse finish(ImapSession s, String tag, AuthResult result, String mechanism, String name) {
        if (result instanceof AuthResult.Failure f) {
            return failure(tag, f, mechanism, name);
        }
        AuthResult.Success ok = (AuthResult.Success) result;
        UserMailboxes store;
        try {
            store = s.services().storage().open(new MailUser(ok.user(), ok.userdbFields().get("home"),
                    ok.userdbFields().get("mail")));
        } catch (StorageException e) {
            LOG.error("user {}: cannot open mail storage: {}", ok.user(), e.getMessage());
            return StorageErrors.response(tag, e);
        }
        if (!s.loggedIn(ok.user(), store)) {
            LOG.info("user {}: refused, mail_max_userip_connections={} reached", ok.user(),
                    s.services().settings().maxUserIpConnections());
            return StatusResponse.no(tag, ResponseCode.LIMIT, "Maximum number of connections from user+IP exceeded "
                    + "(mail_max_userip_connections=" + s.services().settings().maxUserIpConnections() + ")");
        }
        LOG.info("Login: user=<{}>, method={}, secured={}", ok.user(), mechanism, s.connection().secure());
        return StatusResponse.ok(tag, ResponseCode.capability(Capabilities.postLogin(s)), "Logged in");
    }

    private static StatusResponse failure(String tag, AuthResult.Failure f, String mechanism, String name) {
        LOG.info("Authentication failed: method={}{}, reason={}", mechanism, name == null ? "" : ", user=<" + name + ">",
                f.kind());
        return switch (f.kind()) {
            case CREDENTIALS, DISABLED -> StatusResponse.no(tag, ResponseCode.AUTHENTICATIONFAILED, f.message());
            case TEMPORARY -> StatusResponse.no(tag, ResponseCode.UNAVAILABLE, f.message());
            case PLAINTEXT_DISALLOWED -> StatusResponse.no(tag, ResponseCode.PRIVACYREQUIRED, f.message());
            case MECHANISM_UNSUPPORTED -> StatusResponse.no(tag, null, f.message());
            case MALFORMED, CANCELLED -> StatusResponse.bad(tag, f.message());
        };
    }
}
