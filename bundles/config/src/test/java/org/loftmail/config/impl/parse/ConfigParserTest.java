package org.loftmail.config.impl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.config.impl.LoadedConfig;
import org.loftmail.config.impl.TestFiles;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Section;
import org.loftmail.config.impl.model.Setting;

/** Reading files into the tree: includes, sections, {@code <file}, {@code $setting}, {@code %} variables. */
class ConfigParserTest {

    @TempDir
    Path dir;

    private ParseResult parse(Path file) {
        return new ConfigParser(FileAccess.DISK, key -> key.equals("default_vsz_limit") ? "256 M" : null).parse(file);
    }

    private ParseResult parseText(String text) {
        return parse(TestFiles.write(dir, "dovecot.conf", text));
    }

    private List<String> problems(ParseResult result) {
        return result.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void nestedSectionsKeepTheirLines() {
        ParseResult r = parseText("""
                service imap-login {
                  inet_listener imaps {
                    port = 993
                  }
                }
                namespace inbox {
                  mailbox "Sent Messages" {
                    special_use = \\Sent
                  }
                }
                """);
        assertEquals(List.of(), problems(r));
        Section service = (Section) r.root().children().get(0);
        Section listener = (Section) service.children().get(0);
        Setting port = (Setting) listener.children().get(0);
        assertEquals("inet_listener imaps", listener.label());
        assertEquals("port", port.key());
        assertEquals("993", port.value());
        assertEquals(3, port.location().line());
        Section mailbox = (Section) ((Section) r.root().children().get(1)).children().get(0);
        assertEquals("Sent Messages", mailbox.name());
        assertEquals(7, mailbox.location().line());
    }

    @Test
    void includesWithGlobsAreReadInSortedOrderRelativeToTheIncludingFile() {
        TestFiles.write(dir, "conf.d/20-b.conf", "b = 2\n");
        TestFiles.write(dir, "conf.d/10-a.conf", "a = 1\n!include ../extra/x.ext\n");
        TestFiles.write(dir, "conf.d/notes.txt", "not = included\n");
        TestFiles.write(dir, "extra/x.ext", "x = 3\n");
        ParseResult r = parseText("!include conf.d/*.conf\n!include_try local.conf\nlast = 4\n");
        assertEquals(List.of(), problems(r));
        EffectiveSection root = EffectiveSection.of(r.root());
        assertEquals(List.of("a", "x", "b", "last"), List.copyOf(root.settings().keySet()));
        assertEquals(dir.resolve("extra/x.ext"), root.setting("x").location().file());
        assertTrue(r.watched().contains(dir.resolve("conf.d")), "the glob's directory is watched");
        assertTrue(r.watched().contains(dir.resolve("local.conf")), "a missing include_try is watched");
    }

    @Test
    void missingIncludeIsAnErrorButIncludeTryIsNot() {
        ParseResult r = parseText("!include_try nothing-here.conf\n!include missing.conf\n!include none.d/*.conf\n");
        assertEquals(List.of(
                "dovecot.conf:2: error: !include missing.conf: no such file (use !include_try for a file that may be missing)",
                "dovecot.conf:3: error: !include none.d/*.conf: no such file matches (use !include_try for a file that may be missing)"),
                problems(r));
    }

    @Test
    void includeInsideASectionAddsToThatSection() {
        TestFiles.write(dir, "passdb.ext", "driver = sql\nargs = /etc/dovecot/dovecot-sql.conf.ext\n");
        ParseResult r = parseText("passdb {\n  !include passdb.ext\n}\n");
        assertEquals(List.of(), problems(r));
        Section passdb = (Section) r.root().children().get(0);
        assertEquals(2, passdb.children().size());
    }

    @Test
    void includeLoopsAreStopped() {
        TestFiles.write(dir, "a.conf", "!include dovecot.conf\n");
        ParseResult r = parseText("!include a.conf\n");
        assertEquals(1, r.problems().size());
        assertTrue(problems(r).get(0).startsWith("a.conf:1: error: !include "), problems(r).toString());
    }

    @Test
    void missingBraceIsReportedWhereTheSectionBeganInTheIncludedFile() {
        TestFiles.write(dir, "conf.d/10-master.conf", """
                service imap-login {
                  inet_listener imap {
                    port = 143
                }
                """);
        ParseResult r = parseText("!include conf.d/*.conf\nssl = yes\n");
        assertEquals(List.of("conf.d/10-master.conf:1: error: section 'service imap-login' is never closed:"
                + " a '}' is missing before the end of 10-master.conf"), problems(r));
        assertEquals("ssl", ((Setting) r.root().children().get(1)).key(), "the including file goes on at the top level");
    }

    @Test
    void extraBraceIsAnError() {
        ParseResult r = parseText("passdb {\n  driver = pam\n}\n}\n");
        assertEquals(List.of("dovecot.conf:4: error: unexpected '}': no section is open here"), problems(r));
    }

    @Test
    void fileValuesKeepThePathAndReadTheContent() {
        TestFiles.write(dir, "certs/cert.pem", "-----BEGIN CERTIFICATE-----\n");
        ParseResult r = parseText("ssl_cert = <certs/cert.pem\nssl_key = </nonexistent/key.pem\n");
        EffectiveSection root = EffectiveSection.of(r.root());
        Setting cert = root.setting("ssl_cert");
        assertEquals("-----BEGIN CERTIFICATE-----\n", cert.value());
        assertEquals(dir.resolve("certs/cert.pem"), cert.file());
        assertEquals("<certs/cert.pem", cert.written());
        assertNull(cert.fileError());
        assertEquals("cannot read /nonexistent/key.pem for ssl_key: no such file", root.setting("ssl_key").fileError());
        assertTrue(r.watched().contains(dir.resolve("certs/cert.pem")));
    }

    @Test
    void dollarSettingsExpandWithTheValueKnownAtThatPoint() {
        ParseResult r = parseText("""
                mail_plugins = quota
                mail_plugins = $mail_plugins zlib
                protocols = imap
                protocol imap {
                  mail_plugins = $mail_plugins imap_quota
                  mail_plugins = $mail_plugins imap_acl
                }
                mail_plugins = $mail_plugins acl
                service imap {
                  vsz_limit = $default_vsz_limit
                }
                path = /var/$not_a_variable
                """);
        assertEquals(List.of(), problems(r));
        EffectiveSection root = EffectiveSection.of(r.root());
        assertEquals("quota zlib acl", root.value("mail_plugins"));
        assertEquals("quota zlib imap_quota imap_acl", root.find("protocol", "imap").orElseThrow().value("mail_plugins"));
        assertEquals("$mail_plugins imap_quota", ((Setting) ((Section) r.root().children().get(3)).children().get(0)).written());
        assertEquals("256 M", root.find("service", "imap").orElseThrow().value("vsz_limit"), "built-in default");
        assertEquals("/var/$not_a_variable", root.value("path"), "only words that start with $ are variables");
    }

    @Test
    void unknownVariableIsAnError() {
        ParseResult r = parseText("mail_plugins = $mail_plugin quota\n");
        assertEquals(List.of("dovecot.conf:1: error: unknown variable $mail_plugin: no setting mail_plugin is known at this point"),
                problems(r));
    }

    @Test
    void percentVariablesAreKeptAsWritten() {
        ParseResult r = parseText("mail_location = maildir:/var/mail/vhosts/%d/%n/\nplugin {\n  quota_warning = storage=95%% quota-warning 95 %u\n}\n");
        EffectiveSection root = EffectiveSection.of(r.root());
        assertEquals("maildir:/var/mail/vhosts/%d/%n/", root.value("mail_location"));
        assertEquals("storage=95%% quota-warning 95 %u", root.sections("plugin").get(0).value("quota_warning"));
    }

    @Test
    void missingTopFile() {
        LoadedConfig c = TestFiles.load(dir.resolve("nope.conf"));
        assertEquals(List.of("nope.conf: error: the configuration file does not exist"), TestFiles.lines(c, dir));
    }
}
