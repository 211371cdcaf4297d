package org.loftmail.pop3.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.pop3.impl.session.Pop3Settings;

/** The component's settings handling and framing. */
class Pop3ProtocolTest {

    @Test
    void framingIsPlainLinesOfAFewKilobytes() {
        Pop3Protocol p = new Pop3Protocol(null, null, Map.of());
        assertEquals(8 * 1024, p.framing().maxLineLength());
        assertFalse(p.framing().literals());
    }

    @Test
    void settingsFollowDovecotNamesAndProtocolOverrides() {
        Pop3Settings s = Pop3Settings.of(Map.of("login_greeting", "Dovecot ready.", "pop3_lock_session", "yes",
                "protocol.pop3.mail_max_userip_connections", "3", "mail_max_userip_connections", "10",
                "pop3_logout_format", "retr=%r"));
        assertEquals("Dovecot ready.", s.greeting());
        assertEquals(true, s.lockSession());
        assertEquals(3, s.maxUserIpConnections());
        assertEquals("retr=%r", s.logoutFormat());
        Pop3Settings d = Pop3Settings.defaults();
        assertEquals("Loft ready.", d.greeting());
        assertEquals("%08Xu%08Xv", d.uidlFormat());
        assertEquals("top=%t/%p, retr=%r/%b, del=%d/%m, size=%s", d.logoutFormat());
        assertEquals(false, d.lockSession());
        assertEquals(10, d.maxUserIpConnections());
    }

    @Test
    void invalidSettingsKeepThePreviousOnes() {
        Pop3Protocol p = new Pop3Protocol(null, null, Map.of("pop3_lock_session", "maybe"));
        // the session factory still works with the defaults
        assertEquals(8 * 1024, p.framing().maxLineLength());
    }
}
