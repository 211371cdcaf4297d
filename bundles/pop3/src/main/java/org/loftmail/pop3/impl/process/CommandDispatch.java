package org.loftmail.pop3.impl.process;

import org.loftmail.pop3.impl.decode.Pop3Command;
import org.loftmail.pop3.impl.session.Pop3Session;

/**
 * Routes a command to its processor by state (RFC 1939 sections 4-6). Commands of the other
 * state are unknown there, as in Dovecot, where the login process and the mail process each
 * know only their own: {@code -ERR Unknown command.} before login,
 * {@code -ERR Unknown command: NAME} after it.
 */
public final class CommandDispatch implements Pop3Session.Dispatcher {

    @Override
    public boolean dispatch(Pop3Session s, Pop3Command c) {
        return switch (s.state()) {
            case AUTHORIZATION -> authorization(s, c);
            case TRANSACTION -> transaction(s, c);
            case LOGGED_OUT -> true;
        };
    }

    private static boolean authorization(Pop3Session s, Pop3Command c) {
        switch (c.name()) {
            case "CAPA" -> SessionCommands.capa(s);
            case "USER" -> AuthCommands.user(s, c.args());
            case "PASS" -> AuthCommands.pass(s, c.args());
            case "AUTH" -> AuthCommands.auth(s, c.args());
            case "APOP" -> s.out().err("APOP not enabled.");
            case "STLS" -> SessionCommands.stls(s);
            case "QUIT" -> SessionCommands.quitAuthorization(s);
            default -> {
                s.out().err("Unknown command.");
                return false;
            }
        }
        return true;
    }

    private static boolean transaction(Pop3Session s, Pop3Command c) {
        String args = c.trimmedArgs();
        return switch (c.name()) {
            case "CAPA" -> SessionCommands.capa(s);
            case "NOOP" -> SessionCommands.noop(s);
            case "QUIT" -> SessionCommands.quit(s);
            case "STAT" -> MaildropCommands.stat(s);
            case "LIST" -> MaildropCommands.list(s, args);
            case "UIDL" -> MaildropCommands.uidl(s, args);
            case "DELE" -> MaildropCommands.dele(s, args);
            case "RSET" -> MaildropCommands.rset(s);
            case "LAST" -> s.settings().enableLast() ? MaildropCommands.last(s) : unknown(s, c);
            case "RETR" -> RetrieveCommands.retr(s, args);
            case "TOP" -> RetrieveCommands.top(s, args);
            default -> unknown(s, c);
        };
    }

    private static boolean unknown(Pop3Session s, Pop3Command c) {
        s.out().err("Unknown command: " + c.name());
        return false;
    }
}
