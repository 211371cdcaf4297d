package org.loftmail.imap.impl.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the server advertises, only what really works: before login (with STARTTLS, the SASL
 * mechanisms, or LOGINDISABLED where plaintext is not allowed) and after.
 */
public final class Capabilities {

    private static final List<String> COMMON = List.of("IMAP4rev1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE",
            "IDLE", "LITERAL+");

    private static final List<String> AFTER_LOGIN = List.of("SORT", "SORT=DISPLAY", "THREAD=REFERENCES",
            "THREAD=ORDEREDSUBJECT", "MULTIAPPEND", "UNSELECT", "CHILDREN", "NAMESPACE", "UIDPLUS",
            "LIST-EXTENDED", "CONDSTORE", "QRESYNC", "ESEARCH", "SEARCHRES", "LIST-STATUS", "BINARY", "MOVE",
            "STATUS=SIZE", "COMPRESS=DEFLATE", "SPECIAL-USE");

    private Capabilities() {
    }

    public static List<String> preLogin(ImapSession s) {
        List<String> caps = new ArrayList<>(COMMON);
        if (s.connection().tlsAvailable()) {
            caps.add("STARTTLS");
        }
        if (!s.services().auth().plaintextAllowed(s.clientInfo())) {
            caps.add("LOGINDISABLED");
        }
        for (String m : s.services().auth().mechanisms(s.clientInfo())) {
            caps.add("AUTH=" + m.toUpperCase(Locale.ROOT));
        }
        return caps;
    }

    public static List<String> postLogin(ImapSession s) {
        List<String> caps = new ArrayList<>(COMMON);
        caps.addAll(AFTER_LOGIN);
        if (s.services().quota().get() != null) {
            caps.addAll(List.of("QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE")); // RFC 9208
        }
        long limit = s.services().settings().appendLimit();
        caps.add(limit == Long.MAX_VALUE ? "APPENDLIMIT" : "APPENDLIMIT=" + limit); // RFC 7889: no value, no limit
        return caps;
    }

    public static List<String> current(ImapSession s) {
        return s.state() == org.loftmail.imap.impl.decode.SessionState.NOT_AUTHENTICATED ? preLogin(s) : postLogin(s);
    }
}
