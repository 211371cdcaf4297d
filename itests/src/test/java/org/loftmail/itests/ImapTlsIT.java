package org.loftmail.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * STARTTLS (RFC 3501 6.2.1) and LOGINDISABLED where plaintext logins are not allowed
 * ({@code disable_plaintext_auth = yes}, Dovecot's default), with Python's imaplib and ssl. Like
 * Dovecot, Loft counts loopback connections as secure, so the client comes through a PROXY-protocol
 * listener that says it is 192.0.2.10 (tests stay on loopback).
 */
public class ImapTlsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ImapServer server;
    private static int proxiedPort;

    @BeforeClass
    public static void start() throws Exception {
        proxiedPort = LoftTestSetup.freePort();
        server = ImapServer.start("""
                disable_plaintext_auth = yes
                haproxy_trusted_networks = 127.0.0.1 ::1
                service imap-login {
                  inet_listener imapproxy {
                    port = %d
                    haproxy = yes
                  }
                }
                """.formatted(proxiedPort), "alice");
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String python(String code) throws Exception {
        LoftProcess.Result r = ImapServer.run(server.setup.dir, WAIT, "python3", "-c", code);
        assertEquals(r.output(), 0, r.status());
        return r.output();
    }

    @Test
    public void plaintextLoginIsDisabledBeforeTlsAndAllowedAfterStartTls() throws Exception {
        String out = python("""
                import imaplib, socket, ssl
                class Remote(imaplib.IMAP4):
                    def _create_socket(self, timeout):
                        s = socket.create_connection((self.host, self.port), timeout)
                        s.sendall(b'PROXY TCP4 192.0.2.10 127.0.0.1 40000 143\\r\\n')
                        return s
                m = Remote('127.0.0.1', %d)
                assert 'LOGINDISABLED' in m.capabilities and 'STARTTLS' in m.capabilities, m.capabilities
                try:
                    m.login('alice', 'secret')
                    raise SystemExit('plaintext LOGIN was accepted')
                except imaplib.IMAP4.error as e:
                    assert 'PRIVACYREQUIRED' in str(e), e
                ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
                m.starttls(ssl_context=ctx)
                assert 'LOGINDISABLED' not in m.capabilities and 'STARTTLS' not in m.capabilities, m.capabilities
                print(m.login('alice', 'secret')[0])
                print(m.select('INBOX')[0])
                m.logout()
                print('TLS OK')
                """.formatted(proxiedPort));
        assertTrue(out, out.contains("TLS OK"));
    }

    @Test
    public void implicitTlsAllowsLoginAndAuthenticate() throws Exception {
        String out = python("""
                import imaplib, ssl
                ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
                m = imaplib.IMAP4_SSL('127.0.0.1', %d, ssl_context=ctx)
                assert 'LOGINDISABLED' not in m.capabilities, m.capabilities
                m.authenticate('PLAIN', lambda _: b'\\0alice\\0secret')
                print(m.state)
                m.logout()
                print('IMAPS OK')
                """.formatted(server.imapsPort));
        assertTrue(out, out.contains("AUTH") && out.contains("IMAPS OK"));
    }
}
