package org.loftmail.config.impl.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.config.impl.LoadedConfig;
import org.loftmail.config.impl.TestFiles;
import org.loftmail.config.impl.catalogue.Catalogue;

/** The ConfigAdmin property maps of docs/configadmin.md, as plain Java. */
class ProjectionsTest {

    @TempDir
    Path dir;

    private static final Path RUN = Path.of("/srv/loft/var/run");
    private static final Path STATE = Path.of("/srv/loft/var/lib");

    private Projection project(LoadedConfig c) {
        assertEquals(List.of(), c.errors());
        return c.project(Catalogue.standard(), RUN, STATE);
    }

    private Projection projectText(String text) {
        return project(TestFiles.loadText(dir, text));
    }

    private static Map<String, Object> without(Map<String, Object> map, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }

    @Test
    void withoutServiceBlocksTheEnabledProtocolsGetDovecotsDefaultListeners() {
        Projection p = projectText("protocols = imap lmtp\n");
        assertEquals(List.of("imap-login-imap", "imap-login-imaps", "lmtp-lmtp", "doveadm-doveadm-server"),
                List.copyOf(p.listeners().keySet()));
        Map<String, Object> imaps = p.listeners().get("imap-login-imaps");
        assertEquals("imaps", imaps.get("name"));
        assertEquals("imap-login", imaps.get("service"));
        assertEquals("imap", imaps.get("protocol"));
        assertEquals("(protocol=imap)", imaps.get("protocol.target"));
        assertEquals("inet", imaps.get("type"));
        assertArrayEquals(new String[] {"*", "::"}, (String[]) imaps.get("address"));
        assertEquals(993, imaps.get("port"));
        assertEquals(true, imaps.get("ssl"));
        assertEquals(false, imaps.get("haproxy"));
        assertEquals(1000, imaps.get("client_limit"));
        assertEquals(100, imaps.get("connection_limit_per_ip"));
        assertEquals(dir.resolve("dovecot.conf").toString(), imaps.get("loft.source"));
        Map<String, Object> lmtp = p.listeners().get("lmtp-lmtp");
        assertEquals("unix", lmtp.get("type"));
        assertEquals("/srv/loft/var/run/lmtp", lmtp.get("path"), "relative to loft.run");
        assertEquals("0666", lmtp.get("mode"));
        assertEquals("", lmtp.get("user"));
    }

    @Test
    void sieveAndOtherProtocolsMapToTheirServices() {
        Projection p = projectText("""
                protocols = sieve echo
                listen = 127.0.0.1
                service echo-login {
                  inet_listener echo {
                    port = 10007
                  }
                }
                """);
        assertEquals(List.of("managesieve-login-sieve", "echo-login-echo", "doveadm-doveadm-server"), List.copyOf(p.listeners().keySet()));
        assertEquals("sieve", p.listeners().get("managesieve-login-sieve").get("protocol"));
        assertEquals(4190, p.listeners().get("managesieve-login-sieve").get("port"));
        Map<String, Object> echo = p.listeners().get("echo-login-echo");
        assertEquals("echo", echo.get("protocol"));
        assertEquals("(protocol=echo)", echo.get("protocol.target"));
        assertArrayEquals(new String[] {"127.0.0.1"}, (String[]) echo.get("address"));
    }

    @Test
    void seedSetupListeners() {
        Projection p = project(TestFiles.load(TestFiles.resource("seed/dovecot.conf")));
        assertEquals(List.of("imap-login-imaps", "pop3-login-pop3s", "lmtp-lmtp",
                "lmtp-_var_spool_postfix_private_dovecot-lmtp", "auth-auth-userdb", "auth-_var_spool_postfix_private_auth",
                "doveadm-doveadm-server"),
                List.copyOf(p.listeners().keySet()), "port = 0 disables imap and pop3");
        assertEquals(Map.of("name", "/var/spool/postfix/private/auth", "service", "auth", "protocol", "auth",
                "protocol.target", "(protocol=auth)", "type", "unix", "path", "/var/spool/postfix/private/auth",
                "mode", "0660", "user", "postfix", "group", "postfix", "ssl", false),
                without(p.listeners().get("auth-_var_spool_postfix_private_auth"),
                        "haproxy", "client_limit", "connection_limit_per_ip", "loft.source"));
        assertEquals("vmail", p.listeners().get("auth-auth-userdb").get("user"));
        assertEquals("/srv/loft/var/run/auth-userdb", p.listeners().get("auth-auth-userdb").get("path"));
        assertEquals("0600", p.listeners().get("auth-auth-userdb").get("mode"));
    }

    @Test
    void seedSetupTlsKeepsThePaths() {
        Projection p = project(TestFiles.load(TestFiles.resource("seed/dovecot.conf")));
        assertEquals(Map.of("ssl", "required",
                "ssl_cert_path", "/etc/letsencrypt/live/mail.example.com/fullchain.pem",
                "ssl_key_path", "/etc/letsencrypt/live/mail.example.com/privkey.pem",
                "ssl_min_protocol", "TLSv1.2",
                "ssl_cipher_list", Catalogue.standard().topDefault("ssl_cipher_list"),
                "ssl_prefer_server_ciphers", true,
                "state_dir", "/srv/loft/var/lib"),
                without(p.tls(), "loft.source"));
    }

    @Test
    void inlineTlsValuesAndAnExplicitStateDir() {
        Projection p = projectText("ssl = no\nssl_cert = PEMDATA\nstate_dir = /var/lib/loft\nssl_cipher_suites = TLS_AES_128_GCM_SHA256\n");
        assertEquals("no", p.tls().get("ssl"));
        assertEquals("PEMDATA", p.tls().get("ssl_cert"));
        assertFalse(p.tls().containsKey("ssl_cert_path"));
        assertEquals("/var/lib/loft", p.tls().get("state_dir"));
        assertEquals("TLS_AES_128_GCM_SHA256", p.tls().get("ssl_cipher_suites"));
    }

    @Test
    void featuresAndSettingsOfTheRealisticConfiguration() {
        Projection p = project(TestFiles.load(TestFiles.resource("realistic/dovecot.conf")));
        assertArrayEquals(new String[] {"imap", "pop3", "lmtp", "sieve"}, (String[]) p.features().get("protocols"));
        assertArrayEquals(new String[] {"quota", "acl", "zlib"}, (String[]) p.features().get("mail_plugins"));
        assertArrayEquals(new String[] {"quota", "acl", "zlib", "imap_quota", "imap_acl", "imap_sieve"},
                (String[]) p.features().get("protocol.imap.mail_plugins"));
        assertArrayEquals(new String[] {"quota", "acl", "zlib", "sieve"}, (String[]) p.features().get("protocol.lmtp.mail_plugins"));

        Map<String, Object> s = p.settings();
        assertEquals("maildir:~/Maildir:INDEX=~/indexes:LAYOUT=fs", s.get("mail_location"));
        assertEquals("50", s.get("protocol.imap.mail_max_userip_connections"));
        assertEquals("file:~/sieve;active=~/.dovecot.sieve", s.get("plugin.sieve"));
        assertEquals("storage=95%% quota-warning 95 %u", s.get("plugin.quota_warning"));
        assertEquals("</etc/ssl/mail/privkey.pem", s.get("ssl_key"), "private keys are not copied into ConfigAdmin");
        assertFalse(s.containsKey("listen_nonexistent"));

        Map<String, Object> lmtp = p.listeners().get("lmtp-_var_spool_postfix_private_dovecot-lmtp");
        assertEquals("postfix", lmtp.get("user"));
        assertEquals(2000, lmtp.get("client_limit"), "default_client_limit when the service sets none");
        assertEquals(1000, p.listeners().get("imap-login-imaps").get("client_limit"));
        assertFalse(p.listeners().containsKey("quota-status-quota-status"), "no Loft protocol serves it");
    }

    @Test
    void shippedConfiguration() {
        LoadedConfig c = TestFiles.load(TestFiles.SHIPPED);
        Projection p = project(c);
        assertEquals(List.of("imap-login-imap", "imap-login-imaps", "pop3-login-pop3", "pop3-login-pop3s", "lmtp-lmtp",
                "lmtp-lmtp-2", "doveadm-doveadm-server"), List.copyOf(p.listeners().keySet()));
        assertEquals(1143, p.listeners().get("imap-login-imap").get("port"));
        assertEquals(1993, p.listeners().get("imap-login-imaps").get("port"));
        assertEquals(1110, p.listeners().get("pop3-login-pop3").get("port"));
        assertEquals(1995, p.listeners().get("pop3-login-pop3s").get("port"));
        assertEquals("/srv/loft/var/run/lmtp", p.listeners().get("lmtp-lmtp").get("path"));
        assertEquals(1024, p.listeners().get("lmtp-lmtp-2").get("port"));
        assertArrayEquals(new String[] {"127.0.0.1"}, (String[]) p.listeners().get("lmtp-lmtp-2").get("address"));
        assertEquals(Map.of("ssl", "yes", "ssl_min_protocol", "TLSv1.2",
                "ssl_cipher_list", Catalogue.standard().topDefault("ssl_cipher_list"),
                "ssl_prefer_server_ciphers", false, "state_dir", "/srv/loft/var/lib"), without(p.tls(), "loft.source"));
        assertArrayEquals(new String[] {"imap", "pop3", "lmtp"}, (String[]) p.features().get("protocols"));
    }
}
