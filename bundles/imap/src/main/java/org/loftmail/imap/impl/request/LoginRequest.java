package org.loftmail.imap.impl.request;

/** {@code login SP userid SP password} (RFC 3501 6.2.3). */
public record LoginRequest(String tag, String user, String password) implements ImapRequest {

    @Override
    public String toString() {
        return "LoginRequest[tag=" + tag + ", user=" + user + ", password=<hidden>]";
    }
}
