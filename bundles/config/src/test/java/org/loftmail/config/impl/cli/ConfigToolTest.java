package org.loftmail.config.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.config.impl.TestFiles;

/** {@code check -c FILE} and {@code config -c FILE}: output and exit status. */
class ConfigToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ConfigTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(dir + "/", "");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace(dir + "/", "");
    }

    @Test
    void checkWithWarningsOnlyExitsZero() {
        Path file = TestFiles.write(dir, "dovecot.conf", "protocols = imap\ndefault_login_user = dovenull\n");
        assertEquals(0, run("check", "-c", file.toString()));
        assertEquals("""
                dovecot.conf:2: warning: default_login_user has no effect in Loft: Loft runs as one JVM process under one user; there are no separate login processes to run unprivileged
                dovecot.conf: configuration OK (1 warning)
                """, out());
    }

    @Test
    void checkWithErrorsExitsOne() {
        TestFiles.write(dir, "conf.d/10-master.conf", "service imap-login {\n  inet_listener imap {\n  }\n");
        Path file = TestFiles.write(dir, "dovecot.conf", "ssl_cret = x\n!include conf.d/*.conf\n");
        assertEquals(1, run("check", "-c", file.toString()));
        assertEquals("""
                dovecot.conf:1: error: unknown setting ssl_cret; did you mean ssl_cert?
                conf.d/10-master.conf:1: error: section 'service imap-login' is never closed: a '}' is missing before the end of 10-master.conf
                dovecot.conf: configuration has 2 errors (0 warnings)
                """, out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertEquals(2, run("check"));
        assertEquals(2, run("frobnicate", "-c", "x"));
        assertEquals(2, run("check", "-c"));
        assertTrue(err().contains("usage: ConfigTool check -c FILE"), err());
        assertEquals(0, run("--help"));
    }

    @Test
    void configPrintsOnlyWhatDiffersFromTheDefaults() {
        TestFiles.write(dir, "private/key.pem", "-----BEGIN PRIVATE KEY-----\n");
        Path file = TestFiles.write(dir, "dovecot.conf", """
                protocols = imap
                ssl = yes
                auth_mechanisms = plain
                imap_max_line_length = 64k
                mail_plugins = quota
                ssl_key = <private/key.pem
                service imap-login {
                  inet_listener imap {
                    port = 143
                  }
                  inet_listener imaps {
                    port = 10993
                    ssl = yes
                  }
                }
                passdb {
                  driver = pam
                }
                protocol imap {
                  mail_plugins = $mail_plugins imap_quota
                }
                protocol pop3 {
                }
                plugin {
                  quota = maildir:User quota
                }
                """);
        assertEquals(0, run("config", "-c", file.toString()), err());
        assertEquals("""
                # Loft: settings of dovecot.conf that differ from the defaults (Dovecot 2.3 syntax)
                mail_plugins = quota
                passdb {
                  driver = pam
                }
                plugin {
                  quota = maildir:User quota
                }
                protocols = imap
                service imap-login {
                  inet_listener imaps {
                    port = 10993
                  }
                }
                ssl_key = <private/key.pem
                protocol imap {
                  mail_plugins = quota imap_quota
                }
                """, out());
    }

    @Test
    void configWithErrorsPrintsThemAndExitsOne() {
        Path file = TestFiles.write(dir, "dovecot.conf", "ssl = maybe\n");
        assertEquals(1, run("config", "-c", file.toString()));
        assertEquals("", out());
        assertTrue(err().startsWith("dovecot.conf:1: error: ssl must be one of yes, no, required, not 'maybe'\n"), err());
    }

    @Test
    void inlineSecretsAreHiddenUnlessAsked() {
        Path file = TestFiles.write(dir, "dovecot.conf", "ssl_key_password = hunter2\n");
        assertEquals(0, run("config", "-c", file.toString()));
        assertTrue(out().contains("ssl_key_password = # hidden, use -P to show it\n"), out());
        out.reset();
        assertEquals(0, run("config", "-P", "-c", file.toString()));
        assertTrue(out().contains("ssl_key_password = hunter2\n"), out());
    }
}
