package org.loftmail.config.impl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loftmail.config.impl.TestFiles;

/** Names and values checked against the catalogue: errors with file:line, warnings with a reason. */
class ValidatorTest {

    @TempDir
    Path dir;

    private List<String> problems(String text) {
        return TestFiles.lines(TestFiles.loadText(dir, text), dir);
    }

    @Test
    void typoIsAnErrorWithFileLineAndSuggestion() {
        TestFiles.write(dir, "conf.d/10-ssl.conf", "ssl = yes\nssl_cret = </etc/ssl/cert.pem\n");
        assertEquals(List.of("conf.d/10-ssl.conf:2: error: unknown setting ssl_cret; did you mean ssl_cert?"),
                problems("!include conf.d/*.conf\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # configuration (\\n = new line)                  | expected problem
            mail_locaton = maildir:~/Maildir                   | dovecot.conf:1: error: unknown setting mail_locaton; did you mean mail_location?
            frobnicate = yes                                   | dovecot.conf:1: error: unknown setting frobnicate: neither Dovecot 2.3 nor Loft has a setting of that name at the top level
            port = 143                                         | dovecot.conf:1: error: port is not a setting at the top level; it belongs in a 'inet_listener' section inside 'service'
            passdb {\\n  drivr = sql\\n}                       | dovecot.conf:2: error: unknown setting drivr; did you mean driver?
            service imap-login {\\n  inet_listener imap {\\n    prot = 143\\n  }\\n} | dovecot.conf:3: error: unknown setting prot; did you mean port?
            servce imap-login {\\n}                            | dovecot.conf:1: error: unknown section type 'servce'; did you mean 'service'?
            mailbox Sent {\\n}                                 | dovecot.conf:1: error: a 'mailbox' section cannot be written at the top level; it belongs inside 'namespace { }'
            ssl {\\n}                                          | dovecot.conf:1: error: ssl is a setting, not a section: write 'ssl = value'
            protocol imap {\\n  protocol pop3 {\\n  }\\n}      | dovecot.conf:2: error: a protocol block cannot be inside another protocol block
            local 192.0.2.1 {\\n  passdb {\\n  }\\n}           | dovecot.conf:2: error: passdb is not supported inside local, remote or local_name blocks (Dovecot refuses it too)
            service {\\n}                                      | dovecot.conf:1: error: 'service {' needs a name, as in 'service imap-login {'
            plugin {\\n  sub {\\n  }\\n}                       | dovecot.conf:2: error: plugin { } holds only 'key = value' lines, not sections such as 'sub'
            ssl = maybe                                        | dovecot.conf:1: error: ssl must be one of yes, no, required, not 'maybe'
            ssl_min_protocol = TLSv1.4                         | dovecot.conf:1: error: ssl_min_protocol must be one of TLSv1.2, TLSv1.3, TLSv1.1, TLSv1, SSLv3, ANY, LATEST, not 'TLSv1.4'
            auth_debug = true                                  | dovecot.conf:1: error: auth_debug must be yes or no, not 'true'
            imap_max_line_length = 64 x                        | dovecot.conf:1: error: imap_max_line_length must be a size such as 64 k, 10 M or 1G, not '64 x'
            auth_failure_delay = 30                            | dovecot.conf:1: error: auth_failure_delay = 30 needs a unit, e.g. '30 secs'
            auth_failure_delay = 10 fortnights                 | dovecot.conf:1: error: auth_failure_delay must be a time such as 30 secs, 5 mins or 1 hour, not '10 fortnights'
            default_client_limit = lots                        | dovecot.conf:1: error: default_client_limit must be a whole number, not 'lots'
            service imap-login {\\n  inet_listener imap {\\n    port = 70000\\n  }\\n} | dovecot.conf:3: error: port must be a port number from 0 to 65535, not '70000'
            service lmtp {\\n  unix_listener lmtp {\\n    mode = 0999\\n  }\\n} | dovecot.conf:3: error: mode must be an octal file mode such as 0600, not '0999'
            default_internal_user = dovecot                    | dovecot.conf:1: warning: default_internal_user has no effect in Loft: Loft runs as one JVM process under one user; it starts no helper processes to run as another user
            first_valid_uid = 1000                             | dovecot.conf:1: warning: first_valid_uid has no effect in Loft: Loft runs in one JVM process and never switches to a user's UID, so there is no UID range to check
            ssl_dh = </nonexistent/dh.pem                      | dovecot.conf:1: warning: ssl_dh has no effect in Loft: the JVM's TLS stack picks its own Diffie-Hellman groups (and TLS 1.3 does not use the file)
            service imap-login {\\n  process_limit = 10\\n}    | dovecot.conf:2: warning: process_limit has no effect in Loft: Loft serves every connection inside one JVM process; limit connections with client_limit
            service anvil {\\n  client_limit = 10\\n}         | dovecot.conf:1: warning: service anvil has no effect in Loft: Dovecot's anvil process counts connections for other processes; Loft counts them inside the JVM
            protocol imap {\\n  verbose_proctitle = yes\\n}   | dovecot.conf:2: warning: verbose_proctitle has no effect in Loft: Loft is one JVM process whose title does not change
            ssl_cert = </nonexistent/cert.pem                  | dovecot.conf:1: error: cannot read /nonexistent/cert.pem for ssl_cert: no such file
            mail_location = maildir:~/Mail#x                   | dovecot.conf:1: warning: a '#' right after other text is taken as the start of a comment; put a space before it (or quote the value) to say what you mean
            """)
    void oneProblem(String text, String expected) {
        assertEquals(List.of(expected), problems(text.replace("\\n", "\n") + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            loft_connection_limit_per_ip = 20
            imap_max_line_length = 64k
            imap_max_line_length = 1 G
            auth_cache_ttl = 30 secs
            auth_cache_ttl = 0
            auth_debug = YES
            ssl = required
            ssl_min_protocol = TLSv1.3
            mail_fsync = never
            protocol imap {\\n  mail_max_userip_connections = 50\\n}
            local 192.0.2.1 {\\n  protocol imap {\\n    ssl_cert = </dev/null\\n  }\\n}
            remote 10.0.0.0/8 {\\n  disable_plaintext_auth = no\\n}
            plugin {\\n  anything_goes = %u\\n}
            dict {\\n  quota = mysql:/etc/dovecot/dict.ext\\n}
            namespace {\\n  inbox = yes\\n}
            event_exporter log {\\n  format = json\\n}
            """)
    void accepted(String text) {
        assertEquals(List.of(), problems(text.replace("\\n", "\n") + "\n"));
    }

    @Test
    void suggestionsUseEditDistance() {
        assertEquals("ssl_cert", Suggestions.closest("ssl_cret", List.of("ssl_ca", "ssl_cert", "ssl_key")).orElseThrow());
        assertEquals(java.util.Optional.empty(), Suggestions.closest("zzzz", List.of("ssl_cert")));
    }
}
