package org.loftmail.imap.impl.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loftmail.api.storage.Namespace;
import org.loftmail.imap.impl.decode.SessionState;
import org.loftmail.imap.impl.encode.ResponseEncoder;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.encode.Strings;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.request.CapabilityRequest;
import org.loftmail.imap.impl.request.CompressRequest;
import org.loftmail.imap.impl.request.EnableRequest;
import org.loftmail.imap.impl.request.IdRequest;
import org.loftmail.imap.impl.request.LogoutRequest;
import org.loftmail.imap.impl.request.NamespaceRequest;
import org.loftmail.imap.impl.request.NoopRequest;
import org.loftmail.imap.impl.request.StartTlsRequest;
import org.loftmail.imap.impl.session.Capabilities;
import org.loftmail.imap.impl.session.ImapSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CAPABILITY, NOOP, LOGOUT (RFC 3501 6.1), STARTTLS (6.2.1), ID (RFC 2971), ENABLE (RFC 5161), NAMESPACE (RFC 2342). */
final class SessionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommands.class);

    private SessionCommands() {
    }

    static StatusResponse capability(ImapSession s, CapabilityRequest r) {
        s.out().capability(Capabilities.current(s));
        return StatusResponse.ok(r.tag(), s.state() == SessionState.NOT_AUTHENTICATED
                ? "Pre-login capabilities listed, post-login capabilities have more." : "Capability completed.");
    }

    static StatusResponse noop(ImapSession s, NoopRequest r) {
        return StatusResponse.ok(r.tag(), "NOOP completed.");
    }

    static StatusResponse logout(ImapSession s, LogoutRequest r) {
        s.out().status(StatusResponse.bye("Logging out"));
        s.out().status(StatusResponse.ok(r.tag(), "Logout completed."));
        if (s.user() != null) {
            LOG.info("Logged out");
        }
        s.logout();
        s.connection().close();
        return null;
    }

    static StatusResponse id(ImapSession s, IdRequest r) {
        if (r.parameters() != null && !r.parameters().isEmpty()) {
            LOG.debug("client ID {}", r.parameters());
        }
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("name", "Loft");
        s.out().id(ours);
        return StatusResponse.ok(r.tag(), "ID completed.");
    }

    static StatusResponse enable(ImapSession s, EnableRequest r) {
        List<String> now = new ArrayList<>();
        for (String c : r.capabilities()) {
            String cap = c.toUpperCase(Locale.ROOT);
            if ((cap.equals("CONDSTORE") || cap.equals("QRESYNC")) && s.enabled().add(cap)) {
                now.add(cap);
            }
            if (cap.equals("QRESYNC")) {
                s.enabled().add("CONDSTORE"); // implied (RFC 7162 3.2.3), not listed, as Dovecot
            }
        }
        s.out().enabled(now);
        return StatusResponse.ok(r.tag(), "Enabled.");
    }

    static StatusResponse namespace(ImapSession s, NamespaceRequest r) {
        List<Namespace> all = s.mailboxes().namespaces();
        s.out().namespace(group(all, Namespace.Type.PERSONAL), group(all, Namespace.Type.OTHER_USERS),
                group(all, Namespace.Type.SHARED));
        return StatusResponse.ok(r.tag(), "Namespace completed.");
    }

    private static String group(List<Namespace> all, Namespace.Type type) {
        StringBuilder sb = new StringBuilder();
        for (Namespace n : all) {
            if (n.type() == type) {
                sb.append('(').append(Strings.quote(n.prefix())).append(' ')
                        .append(Strings.quote(String.valueOf(n.separator()))).append(')');
            }
        }
        return sb.isEmpty() ? "NIL" : "(" + sb + ")";
    }

    /** COMPRESS (RFC 4978): the OK leaves uncompressed, everything after it is DEFLATE both ways. */
    static StatusResponse compress(ImapSession s, CompressRequest r) {
        if (!r.algorithm().equalsIgnoreCase("DEFLATE")) {
            return StatusResponse.no(r.tag(), null, "Unknown compression mechanism.");
        }
        if (s.connection().compressed()) {
            return StatusResponse.no(r.tag(), ResponseCode.COMPRESSIONACTIVE, "Compression already active.");
        }
        s.out().status(StatusResponse.ok(r.tag(), "Begin compression."));
        s.push();
        s.connection().startCompression();
        return null;
    }

    static StatusResponse startTls(ImapSession s, StartTlsRequest r) {
        if (s.connection().secure()) {
            return StatusResponse.bad(r.tag(), "TLS is already active.");
        }
        if (!s.connection().tlsAvailable()) {
            return StatusResponse.bad(r.tag(), "TLS support isn't enabled.");
        }
        ResponseEncoder out = s.out();
        out.status(StatusResponse.ok(r.tag(), "Begin TLS negotiation now."));
        s.push();
        s.connection().startTls();
        return null;
    }
}
